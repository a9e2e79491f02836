package dk.kk.ks.flow.resignation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/** A resignation from ServiceNow's POST to Opus Løn, through a caseworker, over real HTTP with the sandbox. */
class ResignationIntegrationTest extends IntegrationTestCase {

    @Test
    void threeDaysOfAdvanceHolidayAreDeductedExactlyAfterTheCaseworkerConfirms() {
        // Hired long ago, leaving 31 January 2027: 5 whole months = 10.40 days earned; 13.40 taken = 3.00 in advance.
        putSandboxData("/sandbox/opus/employees/E40301", employee(13.40, 520000.00, "SUF", false));
        String ref = newServiceNowRef("RITM");
        CaseView created = createCase("resignations", Map.of("serviceNowRef", ref, "employeeNumber", "E40301",
                "lastWorkingDay", "2027-01-31", "reason", "RESIGNATION", "reportedBy", "leder1")).getBody();

        CaseView waiting = awaitStep(created.caseId(), "Behandl fratrædelse");
        assertThat(waiting.reasons()).containsExactly("ADVANCE_HOLIDAY");
        String taskId = (String) tasks("bo", created.caseId()).get(0).get("id");
        assertThat(completeTask("bo", taskId, Map.of("decision", "CONFIRM")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        CaseView done = awaitCompleted(created.caseId());
        assertThat(done.outcome()).isEqualTo("REGISTERED");
        assertThat(done.result())
                .containsEntry("triage", "STANDARD")
                .containsEntry("team", "Team Velfærd")
                .containsEntry("advanceHolidayDays", 3.0)
                .containsEntry("advanceHolidayDeduction", 6000.0)
                .containsEntry("paymentCardClosed", false);

        List<Map<String, Object>> opus = sandboxRequests("opus");
        assertThat(opus).filteredOn(r -> "/api/loen/employees/E40301/termination".equals(r.get("path")))
                .singleElement().satisfies(r -> {
                    Map<?, ?> body = (Map<?, ?>) r.get("body");
                    assertThat(body.get("terminationDate")).isEqualTo("2027-01-31");
                    assertThat(body.get("reason")).isEqualTo("RESIGNATION");
                });
        assertThat(opus).filteredOn(r -> "/api/loen/one-off-payments".equals(r.get("path")))
                .filteredOn(r -> ref.equals(((Map<?, ?>) r.get("body")).get("reference")))
                .singleElement().satisfies(r -> {
                    Map<?, ?> line = (Map<?, ?>) ((List<?>) ((Map<?, ?>) r.get("body")).get("lines")).get(0);
                    assertThat(new java.math.BigDecimal(line.get("amount").toString())).isEqualByComparingTo("-6000.00");
                    assertThat(new java.math.BigDecimal(line.get("hours").toString())).isEqualByComparingTo("3.00");
                });
    }

    @Test
    void aRoutineResignationIsRegisteredWithNoHumanStep() {
        putSandboxData("/sandbox/opus/employees/E40302", employee(0, 400000.00, "BIF", false));
        CaseView created = createCase("resignations", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E40302",
                "lastWorkingDay", "2027-05-31", "reason", "RETIREMENT", "reportedBy", "leder1")).getBody();

        CaseView done = awaitCompleted(created.caseId());

        assertThat(done.outcome()).isEqualTo("REGISTERED");
        assertThat(done.result()).containsEntry("triage", "AUTOMATIC").containsEntry("advanceHolidayDeduction", 0.0);
        assertThat(done.reasons()).isEmpty();
    }

    @Test
    void aLeaversPaymentCardIsBlockedExactlyOnce() {
        // E10002 has a card in Opus and an open card CARD-100001 at the issuer (sandbox seed data).
        CaseView created = createCase("resignations", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E10002",
                "lastWorkingDay", "2027-05-31", "reason", "RESIGNATION", "reportedBy", "leder1")).getBody();

        CaseView done = awaitCompleted(created.caseId());

        assertThat(done.result()).containsEntry("paymentCardClosed", true).containsEntry("triage", "AUTOMATIC");
        assertThat(sandboxRequests("cardissuer")).filteredOn(r -> "/api/cards/CARD-100001/block".equals(r.get("path")))
                .filteredOn(r -> !Boolean.TRUE.equals(r.get("replayed")))
                .hasSize(1);
    }

    private static Map<String, Object> employee(double daysTaken, double annualSalary, String department, boolean card) {
        Map<String, Object> employee = sandboxEmployee("Test Fratrædende", "0101700000");
        employee.put("annualSalary", annualSalary);
        employee.put("department", department);
        employee.put("holidayDaysTakenThisHolidayYear", daysTaken);
        employee.put("hasPaymentCard", card);
        return employee;
    }
}
