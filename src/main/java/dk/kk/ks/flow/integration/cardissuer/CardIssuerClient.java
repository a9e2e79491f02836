package dk.kk.ks.flow.integration.cardissuer;

import java.net.URI;
import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dk.kk.ks.flow.integration.ExternalSystemFeignConfiguration;
import dk.kk.ks.flow.integration.IdempotencyKeys;

/**
 * The card issuer's card API (assumed contract, docs/case-types.md, "Payment cards"). The first argument of each call
 * is the base URI (SystemEndpoints); the {@code url} below is only Feign's fallback.
 */
@FeignClient(name = "cardissuer", url = "http://cardissuer.invalid", configuration = ExternalSystemFeignConfiguration.class)
interface CardIssuerClient {

    /** The body of a block: the reference recorded on the card (the case that blocked it). */
    record BlockRequest(String reference) {
    }

    @PostMapping("/api/cards")
    CardIssuerPort.Card order(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                              @RequestBody CardIssuerPort.CardOrder order);

    @PostMapping("/api/cards/{cardId}/block")
    CardIssuerPort.Card block(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                              @PathVariable("cardId") String cardId, @RequestBody BlockRequest block);

    @GetMapping("/api/cards/{cardId}")
    CardIssuerPort.Card card(URI baseUri, @PathVariable("cardId") String cardId);

    @GetMapping("/api/cards")
    List<CardIssuerPort.Card> cards(URI baseUri, @RequestParam("employeeNumber") String employeeNumber);
}
