package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.support.IntegrationTestCase;

/** Each approver sees the shared filters and the filters of their own groups' work, and nobody else's. */
class TasklistFiltersTest extends IntegrationTestCase {

    @Test
    void approversSeeTheirOwnWorkFilters() {
        List<Object> boFilters = names(getList("bo", "/engine-rest/filter?resourceType=Task"));
        assertThat(boFilters).contains("Opgaver til mine grupper", "Mine opgaver", "Udbetalinger til godkendelse",
                "Timesedler til kontrol", "Fratrædelser", "Posteringer til kontrol");

        List<Object> managerFilters = names(getList("leder1", "/engine-rest/filter?resourceType=Task"));
        assertThat(managerFilters).contains("Opgaver til mine grupper", "Mine opgaver")
                .doesNotContain("Udbetalinger til godkendelse", "Timesedler til kontrol");
    }

    @Test
    void aWorkFilterListsOnlyItsKindOfTask() {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("invoice-payouts", Map.of("serviceNowRef", ref, "debtorNumber", "100234", "payee", "Jens Hansen",
                "amount", 20000.00, "reason", "Filtertest", "requestedBy", "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        String payouts = (String) getList("bo", "/engine-rest/filter?name=Udbetalinger til godkendelse").get(0).get("id");
        String timesheets = (String) getList("bo", "/engine-rest/filter?name=Timesedler til kontrol").get(0).get("id");

        assertThat(getList("bo", "/engine-rest/filter/" + payouts + "/list?maxResults=1000"))
                .extracting(task -> task.get("processInstanceId")).contains(caseId);
        assertThat(getList("bo", "/engine-rest/filter/" + timesheets + "/list?maxResults=1000"))
                .extracting(task -> task.get("processInstanceId")).doesNotContain(caseId);
    }

    private static List<Object> names(List<Map<String, Object>> filters) {
        return filters.stream().map(filter -> filter.get("name")).toList();
    }
}
