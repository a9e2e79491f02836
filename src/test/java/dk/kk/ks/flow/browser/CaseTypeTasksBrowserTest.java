package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.platform.DanishTexts;
import dk.kk.ks.flow.support.TestClock;

/**
 * One task of each other case type, done in Tasklist in a real browser as the caseworker or manager does it. Each form
 * passes axe-core's WCAG 2.1 AA rules as the caseworker meets it (empty), after an incomplete or refused completion,
 * and filled in.
 */
class CaseTypeTasksBrowserTest extends BrowserTestCase {

    @Test
    void payrollApprovesATimesheetWithAWarning() {
        String caseId = createCase("timesheets", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E10001",
                "agreement", "KK-STANDARD", "lines", List.of(Map.of("date", TestClock.today().minusDays(120).toString(),
                        "start", "17:00", "end", "21:00", "kind", "NORMAL")))).getBody().caseId();

        doTask("bo", "Kontroller timeseddel", caseId, true, () -> {
            // The table of supplements: a Danish date, a category as the corrections name it, hours and kroner.
            assertThat(formAsRead()).containsPattern(DanishTexts.date(TestClock.today().minusDays(120))
                    + "\\s+(aften|lørdag|helligdag)\\s+\\d+,\\d{2}\\s+\\d{1,3}(\\.\\d{3})*,\\d{2} kr\\.");
            assertThat(formField("Medarbejder")).isEqualTo("Mette Jensen");
            chooseRadio("Godkend beregningen");
        });

        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("POSTED");
    }

    @Test
    void payrollConfirmsTheDeductionOfAResignation() {
        putSandboxData("/sandbox/opus/employees/E70701", employee("E70701", 13.40));
        String caseId = createCase("resignations", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E70701",
                "lastWorkingDay", "2027-01-31", "reason", "RESIGNATION", "reportedBy", "leder1")).getBody().caseId();

        doTask("bo", "Behandl fratrædelse", caseId, true, () -> {
            assertThat(formField("Team")).isEqualTo("Team Velfærd");
            chooseRadio("Bekræft det beregnede fradrag");
        });

        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("REGISTERED");
    }

    @Test
    void payrollChecksADismissalBeforeTheHearing() {
        putSandboxData("/sandbox/opus/employees/E70702", employee("E70702", 0));
        String caseId = createCase("dismissals", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E70702",
                "reasonCategory", "WORK_SHORTAGE", "reasonText", "Nedlæggelse af stilling", "requestedBy", "leder1")).getBody().caseId();

        doTask("bo", "Kontroller afskedigelse", caseId, true, () -> {
            assertThat(formField("Medarbejder")).isEqualTo("Browser E70702");
            String form = formAsRead();
            assertThat(form).contains("Årsagskategori: Arbejdsmangel", "Udkast til partshøringsbrev: Københavns Kommune")
                    .contains("\nPartshøring om påtænkt afskedigelse").doesNotContain("WORK_SHORTAGE", "# ");
            assertThat(formField("Høringsfrist (dd-mm-åååå)")).matches("\\d{2}-\\d{2}-\\d{4}");
            // A date that does not exist: the engine refuses, in Danish, and the task stays open.
            typeInto("Høringsfrist (dd-mm-åååå)", "31-02-2099");
            clickButton(completeLabel());
            errorNotification("Angiv en høringsfrist");
            assertAccessible("Kontroller afskedigelse, refused by the engine");
            hideNotifications();
            typeInto("Høringsfrist (dd-mm-åååå)", DanishTexts.date(TestClock.today().plusDays(21)));
        }, false);

        CaseView hearing = awaitStep(caseId, "Svar eller frist?");
        assertThat(hearing.result().get("edocCaseNumber")).isNotNull();
    }

    @Test
    void bookkeepingApprovesALargePosting() {
        String date = TestClock.today().toString();
        String caseId = createCase("postings", Map.of("serviceNowRef", newServiceNowRef("RITM"), "requestedBy", "anna",
                "postingDate", date, "description", "Omkontering af husleje",
                "lines", List.of(
                        Map.of("account", "44120000", "costCenter", "1010101010", "amount", 150000.00, "vatCode", "I25", "text", "Husleje"),
                        Map.of("account", "44120000", "costCenter", "1010202020", "amount", -150000.00, "vatCode", "I25", "text", "Husleje"))))
                .getBody().caseId();

        doTask("bo", "Gennemgå postering", caseId, true, () -> chooseRadio("Godkend og bogfør"));

        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("POSTED");
    }

    @Test
    void financeApprovesALargeRegulation() {
        String caseId = createCase("service-contract-regulations", Map.of("serviceNowRef", newServiceNowRef("RITM"),
                "contractNumber", "SK-2027-0042", "department", "BUF", "effectiveFrom", "2027-01-01", "quantityChange", 10,
                "reason", "Flere medarbejdere")).getBody().caseId();

        doTask("bo", "Gennemgå regulering", caseId, true, () -> chooseRadio("Godkend reguleringen"));

        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("POSTED");
    }

    @Test
    void theManagerApprovesAPaymentCard() {
        String caseId = createCase("payment-cards", Map.of("serviceNowRef", newServiceNowRef("RITM"), "action", "ORDER",
                "employeeNumber", "E10001", "monthlyLimit", 20000, "requestedBy", "leder2")).getBody().caseId();

        doTask("leder1", "Godkend betalingskort", caseId, false, () -> chooseRadio("Godkend betalingskortet"));

        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("ORDERED");
    }

    private void doTask(String user, String taskName, String caseId, boolean groupTask, Runnable fill) {
        doTask(user, taskName, caseId, groupTask, fill, true);
    }

    /**
     * Logs in, opens the case's task from the user's filter, claims it when it is a group task, fills it and completes
     * it; axe-core checks the page with the form empty, after completing it too early (when it has an empty required
     * field: form-js's Danish message), and filled in.
     */
    private void doTask(String user, String taskName, String caseId, boolean groupTask, Runnable fill, boolean requiresInput) {
        awaitStep(caseId, taskName);
        String taskId = (String) tasks(user, caseId).get(0).get("id");
        logInToTasklist(user);
        openFilter(groupTask ? "Opgaver til mine grupper" : "Mine opgaver");
        openTask(taskName, taskId);
        if (groupTask) {
            clickButton(claimLabel());
        }
        awaitForm();
        assertAccessible(taskName + ", empty");
        if (requiresInput) {
            submitIncompleteForm(taskName + ", refused");
        }
        fill.run();
        assertAccessible(taskName + ", filled");
        screenshot(taskName.replace(' ', '-'));
        clickButton(completeLabel());
    }


    private static Map<String, Object> employee(String number, double daysTaken) {
        Map<String, Object> employee = sandboxEmployee("Browser " + number, "0101700000");
        employee.put("annualSalary", 520000.00);
        employee.put("holidayDaysTakenThisHolidayYear", daysTaken);
        return employee;
    }
}
