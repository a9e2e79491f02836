package dk.kk.ks.flow.integration.opus;

import java.net.URI;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import dk.kk.ks.flow.integration.ExternalSystemFeignConfiguration;
import dk.kk.ks.flow.integration.IdempotencyKeys;

/**
 * Opus Økonomi's web services (master data and postings), as far as KS Flow uses them. As for Opus Debitor,
 * the paths and bodies are the application's assumed contract: the real connector is this one client.
 * It is a client of the system "opus" (same base URL and credentials), in a Feign context of its own.
 * The first argument of each call is the base URI (SystemEndpoints).
 */
@FeignClient(name = "opus", contextId = "opusOekonomi", url = "http://opus.invalid",
        configuration = ExternalSystemFeignConfiguration.class)
interface OpusOekonomiClient {

    @GetMapping("/api/oekonomi/accounts/{account}")
    OpusOekonomiPort.Account account(URI baseUri, @PathVariable("account") String account);

    @GetMapping("/api/oekonomi/cost-centers/{costCenter}")
    OpusOekonomiPort.CostCenter costCenter(URI baseUri, @PathVariable("costCenter") String costCenter);

    /** {@code period} as {@code yyyy-MM}. */
    @GetMapping("/api/oekonomi/periods/{period}")
    OpusOekonomiPort.Period period(URI baseUri, @PathVariable("period") String period);

    @PostMapping("/api/oekonomi/journals")
    OpusOekonomiPort.Document postJournal(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                                          @RequestBody OpusOekonomiPort.Journal journal);

    @PostMapping("/api/oekonomi/internal-settlements")
    OpusOekonomiPort.Document postInternalSettlement(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                                                     @RequestBody OpusOekonomiPort.InternalSettlement settlement);
}
