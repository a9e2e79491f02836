package dk.kk.ks.flow.integration.digitalpost;

import java.net.URI;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import dk.kk.ks.flow.integration.ExternalSystemFeignConfiguration;
import dk.kk.ks.flow.integration.IdempotencyKeys;

/**
 * SF1601 KombiPostAfsend (Serviceplatformen's {@code service/KombiPostAfsend_1/memos}): posts a kombi_request
 * with a MeMo message as XML. The base URI is passed per call.
 */
@FeignClient(name = "digitalpost", url = "http://digitalpost.invalid", configuration = ExternalSystemFeignConfiguration.class)
interface DigitalPostClient {

    String TRANSACTION_ID_HEADER = "X-TransaktionsId";

    /** The answer: Digital Post's id of the accepted message. */
    record Accepted(String messageId) {
    }

    @PostMapping(value = "/api/KombiPostAfsend_1/memos", consumes = MediaType.APPLICATION_XML_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Accepted send(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                  @RequestHeader(TRANSACTION_ID_HEADER) String transactionId, @RequestBody String kombiRequest);
}
