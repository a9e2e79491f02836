package dk.kk.ks.flow.integration.opus;

import java.net.URI;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import dk.kk.ks.flow.integration.ExternalSystemFeignConfiguration;
import dk.kk.ks.flow.integration.IdempotencyKeys;

/**
 * KMD Opus's web services, as far as KS Flow uses them. Their real wire formats are not public: these
 * paths and bodies are the application's assumed contract (docs/opus-contract.md), so the real
 * connector is this one client. The first argument of each call is the base URI (SystemEndpoints).
 */
@FeignClient(name = "opus", contextId = "opusDebitor", url = "http://opus.invalid", configuration = ExternalSystemFeignConfiguration.class)
interface OpusDebitorClient {

    @PostMapping("/api/debitor/payouts")
    OpusDebitorPort.Payout registerPayout(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                                          @RequestBody OpusDebitorPort.PayoutRequest request);

    @PostMapping("/api/debitor/payouts/{payoutId}/release")
    OpusDebitorPort.Payout releasePayout(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                                         @PathVariable("payoutId") String payoutId);

    @PostMapping("/api/debitor/payouts/{payoutId}/cancel")
    OpusDebitorPort.Payout cancelPayout(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                                        @PathVariable("payoutId") String payoutId);
}
