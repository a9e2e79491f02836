package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.support.IntegrationTestCase;

/** What an operator watches: health per external system and the engine, and Prometheus metrics. */
class OperationsEndpointsTest extends IntegrationTestCase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void healthIsPublicAndItsDetailsShowEachExternalSystemAndTheEngine() throws Exception {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(anonymous.getBody()).get("status").asText()).isEqualTo("UP");
        assertThat(json.readTree(anonymous.getBody()).has("components")).isFalse();

        JsonNode detailed = json.readTree(as("demo").getForObject("/actuator/health", String.class));
        for (String system : new String[] {"servicenow", "opus", "edoc", "digitalpost", "cardissuer"}) {
            assertThat(detailed.at("/components/externalSystems/components/" + system + "/status").asText()).as(system).isEqualTo("UP");
        }
        assertThat(detailed.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(detailed.at("/components/processEngine/status").asText()).isEqualTo("UP");
        assertThat(detailed.at("/components/jobExecutor/status").asText()).as("retries and async steps run").isEqualTo("UP");
    }

    @Test
    void theLoadBalancersReadinessCheckIsTheNodeAndItsDatabaseNotTheExternalSystems() throws Exception {
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            ResponseEntity<String> anonymous = http.getForEntity(probe, String.class);
            assertThat(anonymous.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(anonymous.getBody()).get("status").asText()).as(probe).isEqualTo("UP");
        }
        JsonNode readiness = json.readTree(as("demo").getForObject("/actuator/health/readiness", String.class));
        assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components").has("externalSystems")).as("an outage of Opus takes no node out").isFalse();
    }

    @Test
    void theApplicationsOwnClientUserReadsTheSimulatorsHealthButNotTheSandboxData() {
        assertThat(as("ksflow-system").getForEntity("/sandbox/opus/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("ksflow-system").getForEntity("/sandbox/nosuchsystem/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("ksflow-system").getForEntity("/sandbox/opus/requests", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ksflow-system").exchange("/sandbox/opus/faults", org.springframework.http.HttpMethod.PUT,
                jsonEntity(Map.of("failNext", 1)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void metricsCountCasesPerTypeAndTimeExternalCalls() {
        String caseId = createCase("invoice-payouts", Map.of("serviceNowRef", newServiceNowRef("RITM"), "debtorNumber", "100234",
                "payee", "Jens Hansen", "amount", 100.00, "reason", "Metrikker", "requestedBy", "anna")).getBody().caseId();
        awaitCompleted(caseId);

        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("chef").getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String metrics = as("demo").getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("ksflow_cases_started_total{caseType=\"invoice-payouts\"")
                .contains("ksflow_cases_completed_total{caseType=\"invoice-payouts\",outcome=\"PAID\"")
                .contains("ksflow_incidents_open")
                .contains("ksflow_external_requests_seconds_count{clientName=\"dk.kk.ks.flow.integration.opus.OpusDebitorClient\"")
                .containsPattern("ksflow_external_requests_seconds_count\\{.*system=\"opus\"")
                .containsPattern("ksflow_external_requests_seconds_count\\{.*system=\"servicenow\"");
    }
}
