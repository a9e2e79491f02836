package dk.kk.ks.flow.support.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.ks.flow.support.IntegrationTestCase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load toolkit the cluster test and the benchmark stand on: a mix of every case type, started over
 * the intake API, worked by the simulated caseworker, ends with every case completed as intended.
 */
class CaseMixIntegrationTest extends IntegrationTestCase {

    /** The outcome a valid case of each type ends with when the caseworker approves. */
    private static final Map<String, List<String>> INTENDED = Map.of(
            "timesheets", List.of("POSTED"),
            "service-contract-regulations", List.of("POSTED"),
            "resignations", List.of("REGISTERED"),
            "postings", List.of("POSTED"),
            "invoice-payouts", List.of("PAID"),
            "payment-cards", List.of("ORDERED", "CLOSED"),
            "dismissals", List.of("DISMISSED"));

    @LocalServerPort
    int port;

    @Test
    void theProportionsOfAPeakMonthFollowTheYearlyVolumes() {
        Map<String, Integer> month = CaseMix.split(10_000);

        assertThat(month.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
        assertThat(month).containsEntry("timesheets", 3871).containsEntry("service-contract-regulations", 2581)
                .containsEntry("resignations", 1161).containsEntry("postings", 1097).containsEntry("invoice-payouts", 645)
                .containsEntry("payment-cards", 387).containsEntry("dismissals", 258);
        assertThat(CaseMix.split(31)).allSatisfy((type, count) -> assertThat(count).as(type).isPositive());
    }

    @Test
    void aMixOfEveryCaseTypeCompletesAsIntendedWithTheCaseworkersHelp() throws InterruptedException {
        KsFlowClient client = new KsFlowClient("http://localhost:" + port);
        CaseMix mix = CaseMix.fresh(7, "MIX", 35);
        mix.sandboxData().forEach((path, body) -> client.put(path, body, "demo"));
        Map<String, String> typeOfCase = new LinkedHashMap<>();
        for (CaseMix.PlannedCase planned : mix.cases()) {
            JsonNode created = KsFlowClient.json(client.send("POST", "/api/v1/" + planned.caseType(), planned.body(), "servicenow"));
            typeOfCase.put(created.path("caseId").asText(), planned.caseType());
        }
        assertThat(typeOfCase.values()).containsAll(INTENDED.keySet());

        Caseworker caseworker = new Caseworker(client);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<JsonNode> unfinished = unfinished(client, typeOfCase.keySet());
        while (!unfinished.isEmpty() && System.nanoTime() < deadline) {
            caseworker.completeOpenTasks();
            Thread.sleep(500);
            unfinished = unfinished(client, typeOfCase.keySet());
        }
        // Only this mix's cases: on PostgreSQL the database holds other test classes' cases too, some left on purpose
        // with a task nobody but the recorded approver may complete.
        assertThat(caseworker.refusals()).filteredOn(refusal -> typeOfCase.keySet().stream()
                .anyMatch(caseId -> refusal.contains("(case " + caseId + ")"))).isEmpty();
        assertThat(unfinished).as("cases not completed").isEmpty();

        typeOfCase.forEach((caseId, type) -> assertThat(view(client, caseId).path("outcome").asText())
                .as(type + " " + caseId).isIn(INTENDED.get(type)));
    }

    private static List<JsonNode> unfinished(KsFlowClient client, java.util.Collection<String> caseIds) {
        return caseIds.stream().map(caseId -> view(client, caseId)).filter(view -> !"COMPLETED".equals(view.path("status").asText())).toList();
    }

    private static JsonNode view(KsFlowClient client, String caseId) {
        return client.getJson("/api/v1/cases/" + caseId, "servicenow");
    }
}
