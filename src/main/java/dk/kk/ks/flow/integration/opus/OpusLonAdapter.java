package dk.kk.ks.flow.integration.opus;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.SystemEndpoints;

@Component
class OpusLonAdapter implements OpusLonPort {

    private final OpusLonClient client;
    private final SystemEndpoints endpoints;

    OpusLonAdapter(OpusLonClient client, SystemEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public Optional<Employee> employee(String employeeNumber) {
        try {
            return Optional.of(client.employee(endpoints.baseUri(Opus.SYSTEM), employeeNumber));
        } catch (ExternalRejectionException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void registerTermination(String employeeNumber, Termination termination, String idempotencyKey) {
        client.registerTermination(endpoints.baseUri(Opus.SYSTEM), idempotencyKey, employeeNumber, termination);
    }

    @Override
    public Registration registerOneOffPayment(OneOffPayment payment, String idempotencyKey) {
        return client.registerOneOffPayment(endpoints.baseUri(Opus.SYSTEM), idempotencyKey, payment);
    }
}
