package dk.kk.ks.flow.integration.edoc;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.SystemEndpoints;

@Component
class EdocAdapter implements EdocPort {

    static final String SYSTEM = "edoc";
    static final String PERSONNEL_CASE = "PERSONNEL";

    private final EdocClient client;
    private final SystemEndpoints endpoints;

    EdocAdapter(EdocClient client, SystemEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public String createPersonnelCase(String title, Party party, String idempotencyKey) {
        return client.createCase(endpoints.baseUri(SYSTEM), idempotencyKey,
                new EdocClient.CaseRequest(title, KLE_PERSONNEL_CASE, PERSONNEL_CASE, party)).caseNumber();
    }

    @Override
    public String journalise(String caseNumber, NewDocument document, String idempotencyKey) {
        return client.journalise(endpoints.baseUri(SYSTEM), idempotencyKey, caseNumber, document).documentId();
    }

    @Override
    public Optional<Case> readCase(String caseNumber) {
        try {
            return Optional.of(client.readCase(endpoints.baseUri(SYSTEM), caseNumber));
        } catch (ExternalRejectionException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
