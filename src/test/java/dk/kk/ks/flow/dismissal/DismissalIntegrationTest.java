package dk.kk.ks.flow.dismissal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

/** A dismissal from ServiceNow's POST to the termination in Opus, over real HTTP with the sandbox. */
class DismissalIntegrationTest extends IntegrationTestCase {

    private static final String CPR = "0303801239";

    @Test
    void aDismissalJournalisesAndSendsEachLetterOnceAndRegistersTheTermination() {
        putSandboxData("/sandbox/opus/employees/E50501", employee());
        String ref = newServiceNowRef("RITM");
        Map<String, Object> body = Map.of("serviceNowRef", ref, "employeeNumber", "E50501", "reasonCategory", "WORK_SHORTAGE",
                "reasonText", "Nedlæggelse af stilling som følge af besparelser", "requestedBy", "leder1");
        String caseId = createCase("dismissals", body).getBody().caseId();

        awaitStep(caseId, "Kontroller afskedigelse");
        assertThat(postJson("servicenow", "/api/v1/cases/" + caseId + "/hearing-reply",
                Map.of("receivedAt", "2027-04-10T09:00:00+02:00", "summary", "For tidligt")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        setFault("edoc", 2, 503);
        completeFirstTask("bo", caseId, Map.of("hearingDeadline", TestClock.today().plusDays(14).toString()));

        CaseView hearing = awaitStep(caseId, "Svar eller frist?");
        assertThat(hearing.result().get("edocCaseNumber")).isNotNull();
        ResponseEntity<String> reply = postJson("servicenow", "/api/v1/cases/" + caseId + "/hearing-reply",
                Map.of("receivedAt", "2027-04-10T09:00:00+02:00", "summary", "Medarbejderen er uenig"));
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.OK);

        awaitStep(caseId, "Træf afgørelse");
        completeFirstTask("bo", caseId, Map.of("decision", "DISMISS", "justification", "Stillingen nedlægges; ingen anden stilling"));

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("DISMISSED");
        assertThat(done.result()).containsKeys("terminationDate", "noticeDate", "hearingDeadline").containsEntry("severanceMonths", 0);

        String edocCase = (String) done.result().get("edocCaseNumber");
        assertThat(sandboxRequests("edoc")).filteredOn(r -> ("/api/cases/" + edocCase + "/documents").equals(r.get("path")))
                .filteredOn(r -> !Boolean.TRUE.equals(r.get("replayed"))).hasSize(2);
        List<Map<String, Object>> memos = sandboxRequests("digitalpost").stream()
                .filter(r -> String.valueOf(r.get("body")).contains(edocCase)).toList();
        assertThat(memos).filteredOn(r -> String.valueOf(r.get("body")).contains(CPR)).hasSize(2);
        assertThat(memos).hasSize(3);
        assertThat(sandboxRequests("opus")).filteredOn(r -> "/api/loen/employees/E50501/termination".equals(r.get("path"))).singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r.get("body")).get("reason")).isEqualTo("DISMISSAL"));
    }

    private static Map<String, Object> employee() {
        Map<String, Object> employee = sandboxEmployee("Hanne Hansen", CPR);
        employee.put("hireDate", "2019-06-01");
        employee.put("annualSalary", 410000.00);
        return employee;
    }
}
