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

/** Opus Løn's web services (assumed contract, docs/opus-contract.md); the base URI is passed per call. */
@FeignClient(name = "opus", contextId = "opusLon", url = "http://opus.invalid", configuration = ExternalSystemFeignConfiguration.class)
interface OpusLonClient {

    @GetMapping("/api/loen/employees/{employeeNumber}")
    OpusLonPort.Employee employee(URI baseUri, @PathVariable("employeeNumber") String employeeNumber);

    @PostMapping("/api/loen/employees/{employeeNumber}/termination")
    void registerTermination(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                             @PathVariable("employeeNumber") String employeeNumber, @RequestBody OpusLonPort.Termination termination);

    @PostMapping("/api/loen/one-off-payments")
    OpusLonPort.Registration registerOneOffPayment(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                                                   @RequestBody OpusLonPort.OneOffPayment payment);
}
