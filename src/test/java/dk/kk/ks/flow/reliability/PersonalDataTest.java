package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

/**
 * A dismissal and a resignation of an employee: the CPR number reaches eDoc and Digital Post, and no log line, no work
 * note and no row of the database (the engine's history and runtime tables, variables, byte arrays, KS Flow's own table).
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTest extends IntegrationTestCase {

    private static final String CPR = "2812019999";

    @Autowired
    private DataSource dataSource;

    @Test
    void theCprNumberIsInNoLogLineNoWorkNoteAndNoDatabaseRow(CapturedOutput output) {
        putSandboxData("/sandbox/opus/employees/E60601", employee());

        String dismissalRef = newServiceNowRef("RITM");
        String dismissal = createCase("dismissals", Map.of("serviceNowRef", dismissalRef, "employeeNumber", "E60601",
                "reasonCategory", "COOPERATION", "reasonText", "Samarbejdsvanskeligheder", "requestedBy", "leder1")).getBody().caseId();
        awaitStep(dismissal, "Kontroller afskedigelse");
        completeFirstTask("bo", dismissal, Map.of("hearingDeadline", TestClock.today().plusDays(14).toString()));
        awaitStep(dismissal, "Svar eller frist?");
        assertThat(postJson("servicenow", "/api/v1/cases/" + dismissal + "/hearing-reply",
                Map.of("receivedAt", "2027-04-10T09:00:00+02:00", "summary", "Ingen bemærkninger")).getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitStep(dismissal, "Træf afgørelse");
        completeFirstTask("bo", dismissal, Map.of("decision", "WITHDRAW", "justification", "Samarbejdet er genoprettet"));
        assertThat(awaitCompleted(dismissal).outcome()).isEqualTo("WITHDRAWN");

        String resignationRef = newServiceNowRef("RITM");
        CaseView resignation = awaitCompleted(createCase("resignations", Map.of("serviceNowRef", resignationRef, "employeeNumber", "E60601",
                "lastWorkingDay", "2027-06-30", "reason", "RESIGNATION", "reportedBy", "leder1")).getBody().caseId());
        assertThat(resignation.outcome()).isEqualTo("REGISTERED");

        assertThat(sandboxRequests("digitalpost")).anySatisfy(r -> assertThat(String.valueOf(r.get("body"))).contains(CPR));
        assertThat(output.getAll()).contains(dismissalRef).doesNotContain(CPR);
        List<Map<String, Object>> records = getList("demo", "/sandbox/servicenow/tables/sc_req_item");
        assertThat(records).filteredOn(r -> dismissalRef.equals(r.get("number")) || resignationRef.equals(r.get("number")))
                .hasSize(2).allSatisfy(r -> assertThat(String.valueOf(r.get("work_notes_journal"))).doesNotContain(CPR).isNotEqualTo("null"));

        assertThat(DatabaseScan.cellsContainingAnyOf(dataSource, List.of(dismissalRef))).as("the scan reads the history")
                .contains("ACT_HI_PROCINST.BUSINESS_KEY_");
        List<String> cprs = new ArrayList<>(sandboxCprs());
        cprs.add(CPR);
        assertThat(DatabaseScan.cellsContainingAnyOf(dataSource, cprs)).as("database cells holding a CPR number").isEmpty();
    }

    /** Every CPR number of the sandbox's Opus employees, as stored and with a hyphen. */
    private static List<String> sandboxCprs() {
        try (InputStream in = PersonalDataTest.class.getResourceAsStream("/sandbox/opus-employees.json")) {
            JsonNode employees = new ObjectMapper().readTree(in);
            List<String> cprs = new ArrayList<>();
            employees.findValuesAsText("cpr").forEach(cprs::add);
            assertThat(cprs).isNotEmpty();
            return cprs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> employee() {
        Map<String, Object> employee = sandboxEmployee("Per Persondata", CPR);
        employee.put("hireDate", "2016-02-01");
        employee.put("annualSalary", 390000.00);
        employee.put("department", "SOF");
        return employee;
    }
}
