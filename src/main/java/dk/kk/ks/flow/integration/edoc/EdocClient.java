package dk.kk.ks.flow.integration.edoc;

import java.net.URI;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import dk.kk.ks.flow.integration.ExternalSystemFeignConfiguration;
import dk.kk.ks.flow.integration.IdempotencyKeys;

/** eDoc's case and document services (assumed contract, docs/edoc-contract.md); the base URI is passed per call. */
@FeignClient(name = "edoc", url = "http://edoc.invalid", configuration = ExternalSystemFeignConfiguration.class)
interface EdocClient {

    /** The body of a new case. The party, with the CPR number, travels in the body only, never in a URL. */
    record CaseRequest(String title, String kle, String caseType, EdocPort.Party party) {
    }

    record CaseCreated(String caseNumber) {
    }

    record DocumentCreated(String documentId) {
    }

    @PostMapping("/api/cases")
    CaseCreated createCase(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey, @RequestBody CaseRequest request);

    @PostMapping("/api/cases/{caseNumber}/documents")
    DocumentCreated journalise(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                               @PathVariable("caseNumber") String caseNumber, @RequestBody EdocPort.NewDocument document);

    @GetMapping("/api/cases/{caseNumber}")
    EdocPort.Case readCase(URI baseUri, @PathVariable("caseNumber") String caseNumber);
}
