package dk.kk.ks.flow.sandbox.servicenow;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator answers the Table API's {@code sysparm_fields} as ServiceNow does: only the fields asked for. */
class ServiceNowSimulatorTest {

    private final ServiceNowSimulator serviceNow = new ServiceNowSimulator();

    @Test
    void aQueryWithFieldsAnswersEachRowWithThoseFieldsAlone() {
        String sysId = created(Map.of("number", "RITM0000001", "state", "1", "short_description", "Fratrædelse",
                "u_employee_number", "E1"));

        assertThat(rows(serviceNow.query("sc_req_item", "number=RITM0000001", 1, "sys_id,number,state")))
                .containsExactly(Map.of("sys_id", sysId, "number", "RITM0000001", "state", "1"));
        assertThat(rows(serviceNow.query("sc_req_item", "number=RITM0000001", 1, null)).get(0))
                .containsEntry("short_description", "Fratrædelse").containsEntry("u_employee_number", "E1");
    }

    @Test
    void aPatchWithFieldsChangesTheWholeRecordButAnswersWithThoseFieldsAlone() {
        String sysId = created(Map.of("number", "RITM0000002", "state", "1", "short_description", "Timeseddel"));

        Map<String, Object> answer = result(serviceNow.update("sc_req_item", sysId, "sys_id",
                Map.of("state", "3", "work_notes", "Afsluttet")).getBody());

        assertThat(answer).containsExactly(Map.entry("sys_id", sysId));
        assertThat(result(serviceNow.get("sc_req_item", sysId, null).getBody()))
                .containsEntry("state", "3").containsEntry("work_notes", "Afsluttet")
                .containsEntry("short_description", "Timeseddel");
        assertThat(result(serviceNow.get("sc_req_item", sysId, "state,number").getBody()))
                .containsExactly(Map.entry("state", "3"), Map.entry("number", "RITM0000002"));
    }

    @Test
    void aCreationWithFieldsAnswersWithThoseFieldsAlone() {
        Map<String, Object> answer = result(serviceNow.create("sc_req_item", "sys_id,number",
                Map.of("number", "RITM0000003", "state", "1")).getBody());

        assertThat(answer).containsOnlyKeys("sys_id", "number").containsEntry("number", "RITM0000003");
    }

    private String created(Map<String, Object> fields) {
        return (String) result(serviceNow.create("sc_req_item", null, fields).getBody()).get("sys_id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> body) {
        return (Map<String, Object>) body.get("result");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("result");
    }
}
