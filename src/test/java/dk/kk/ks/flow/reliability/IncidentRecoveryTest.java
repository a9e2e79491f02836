package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.intake.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * A long outage of Opus: the retries run out and the case shows INCIDENT (visible in Cockpit). When Opus is
 * back, an operator retries the job through the engine's REST API (as Cockpit does) and the case completes,
 * with exactly one payout release in Opus.
 */
class IncidentRecoveryTest extends IntegrationTestCase {

    @Test
    void aLongOutageBecomesAnIncidentThatAnOperatorResolves() {
        setFault("opus", 1000, 503);
        try {
            String ref = newServiceNowRef("RITM");
            String caseId = createCase("invoice-payouts", Map.of("serviceNowRef", ref, "debtorNumber", "100234", "payee", "Jens Hansen",
                    "amount", 900.00, "reason", "Hændelsestest", "requestedBy", "anna")).getBody().caseId();

            CaseView incident = awaitCase(caseId, view -> view.status() == CaseView.Status.INCIDENT);
            assertThat(incident.outcome()).isNull();
            List<Map<String, Object>> incidents = getList("demo", "/engine-rest/incident?processInstanceId=" + caseId);
            assertThat(incidents).singleElement().satisfies(i -> assertThat(i.get("incidentType")).isEqualTo("failedJob"));
            assertThat(String.valueOf(incidents.get(0).get("incidentMessage"))).contains("opus").doesNotContain("100234");

            as("demo").exchange("/sandbox/opus/faults", HttpMethod.DELETE, null, String.class);
            String jobId = (String) incidents.get(0).get("configuration");
            ResponseEntity<String> retried = as("demo").exchange("/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT,
                    jsonEntity(Map.of("retries", 1)), String.class);
            assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

            CaseView done = awaitCompleted(caseId);
            assertThat(done.outcome()).isEqualTo("PAID");
            String payoutId = payoutIdOf(ref);
            assertThat(sandboxRequests("opus")).filteredOn(r -> ("/api/debitor/payouts/" + payoutId + "/release").equals(r.get("path")))
                    .hasSize(1);
        } finally {
            as("demo").exchange("/sandbox/opus/faults", HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
        }
    }

    private String payoutIdOf(String ref) {
        return sandboxRequests("opus").stream().filter(r -> "/api/debitor/payouts".equals(r.get("path")))
                .filter(r -> ref.equals(((Map<?, ?>) r.get("body")).get("caseReference")))
                .map(r -> (String) ((Map<?, ?>) r.get("response")).get("payoutId")).findFirst().orElseThrow();
    }
}
