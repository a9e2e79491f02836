package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.support.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;


/**
 * The forms as a Danish caseworker reads them, in a Danish browser: Danish words and numbers, no codes, and axe-core's
 * WCAG 2.1 AA rules in every state (empty, refused, filled) for the forms the other browser tests do not open.
 */
class DanishFormsBrowserTest extends BrowserTestCase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Override
    protected String browserLanguage() {
        return "da";
    }

    @Test
    void boReadsTheResignationReviewInDanish() {
        Map<String, Object> employee = employee("E70801");
        employee.put("holidayDaysTakenThisHolidayYear", 13.40);
        putSandboxData("/sandbox/opus/employees/E70801", employee);
        String caseId = createCase("resignations", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E70801",
                "lastWorkingDay", "2027-01-31", "reason", "RESIGNATION", "reportedBy", "leder1")).getBody().caseId();

        openAsCaseworker("bo", caseId, "Behandl fratrædelse");
        String form = formAsRead();
        screenshot("resignation-review");

        assertThat(form).contains("Årsag: Egen opsigelse", "Sidste arbejdsdag: 31-01-2027",
                        "Forvaltning: Børne- og Ungdomsforvaltningen (BUF)", "Visitering: Manuel behandling",
                        "Begrundelse for visitering: Ferie holdt på forskud, som skal modregnes",
                        "Betalingskort: Medarbejderen har intet betalingskort")
                .containsPattern("Ferie på forskud: \\d+,\\d{2} dage\\n")
                .containsPattern("Beregnet fradrag: \\d{1,3}(\\.\\d{3})*,\\d{2} kr\\.\\n")
                .doesNotContain("RESIGNATION", "STANDARD", "SPECIAL", "ADVANCE_HOLIDAY", "WORK_SHORTAGE", "2027-01-31", "BUF\n")
                .doesNotContainPattern("\\d\\.\\d{2}(\\D|$)");

        assertAccessible("Behandl fratrædelse, empty");
        submitIncompleteForm("Behandl fratrædelse, refused");
        chooseRadio("Ret fradraget");
        // A Danish decimal comma is taken (form-js shows it as a point).
        typeInto("Rettet fradrag (kr.)", "1234,50");
        assertThat(formField("Rettet fradrag (kr.)")).isEqualTo("1234.50");
        assertAccessible("Behandl fratrædelse, filled");
    }

    @Test
    void theCivilServantTheDecisionTheApproverAndTheLimitFormsPassAxe() {
        Map<String, Object> civilServant = employee("E70802");
        civilServant.put("employeeType", "TJENESTEMAND");
        putSandboxData("/sandbox/opus/employees/E70802", civilServant);
        String civilCase = dismissal("E70802");

        putSandboxData("/sandbox/opus/employees/E70803", employee("E70803"));
        String decisionCase = dismissal("E70803");
        awaitStep(decisionCase, "Kontroller afskedigelse");
        completeFirstTask("bo", decisionCase, Map.of("hearingDeadline", TestClock.today().plusDays(14).toString()));
        awaitStep(decisionCase, "Svar eller frist?");
        assertThat(postJson("servicenow", "/api/v1/cases/" + decisionCase + "/hearing-reply",
                Map.of("receivedAt", "2027-04-10T09:00:00+02:00", "summary", "Medarbejderen er uenig")).getStatusCode().is2xxSuccessful())
                .isTrue();

        Map<String, Object> noManager = employee("E70804");
        noManager.put("managerEmployeeNumber", null);
        putSandboxData("/sandbox/opus/employees/E70804", noManager);
        String approverCase = createCase("payment-cards", Map.of("serviceNowRef", newServiceNowRef("RITM"), "action", "ORDER",
                "employeeNumber", "E70804", "monthlyLimit", 20000, "requestedBy", "leder2")).getBody().caseId();

        String limitCase = createCase("payment-cards", Map.of("serviceNowRef", newServiceNowRef("RITM"), "action", "ORDER",
                "employeeNumber", "E10001", "monthlyLimit", 60000, "requestedBy", "leder2")).getBody().caseId();
        awaitStep(limitCase, "Godkend betalingskort");
        completeFirstTask("leder1", limitCase, Map.of("approved", true));

        String robotEmployee = "E7" + String.format("%05d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));
        Map<String, Object> terminated = employee(robotEmployee);
        terminated.put("endDate", "2026-12-31");
        putSandboxData("/sandbox/opus/employees/" + robotEmployee, terminated);
        String resignationRef = newServiceNowRef("RITM");
        assertThat(postJson("demo", "/sandbox/servicenow/api/now/table/sc_req_item", Map.of("number", resignationRef,
                "u_category", "resignation", "state", "3", "u_employee_number", robotEmployee, "u_last_working_day", "2026-11-30",
                "u_closed_on", TestClock.today().minusDays(1).toString()))
                .getStatusCode().is2xxSuccessful()).isTrue();
        String robotRun = runtimeService.createProcessInstanceByKey("robot-resignation-reconciliation")
                .startBeforeActivity("Task_QueryServiceNow").execute().getId();
        Task reconcile = org.awaitility.Awaitility.await().atMost(CASE_TIMEOUT).until(() -> taskService.createTaskQuery()
                .processInstanceId(robotRun).list().stream()
                .filter(task -> resignationRef.equals(taskService.getVariable(task.getId(), "sagsnummer"))).findFirst().orElse(null),
                java.util.Objects::nonNull);

        logInToTasklist("bo");

        openTaskOf(civilCase, "Behandl tjenestemandssag");
        assertThat(formAsRead()).contains("Medarbejder: Browser E70802");
        checkStates("Behandl tjenestemandssag", () -> {
            chooseRadio("Afskediget");
            typeIntoTextarea("Begrundelse for afgørelsen", "Afskediget efter tjenestemandsreglerne.");
        });

        openTaskOf(decisionCase, "Træf afgørelse");
        assertThat(formAsRead()).containsPattern("Høringsfrist: \\d{2}-\\d{2}-\\d{4}\\n")
                .contains("Svar modtaget: 10-04-2027 kl. 09:00", "Medarbejderens bemærkninger: Medarbejderen er uenig");
        checkStates("Træf afgørelse", () -> {
            chooseRadio("Tilbagekalde den påtænkte afskedigelse");
            typeIntoTextarea("Begrundelse for afgørelsen", "Medarbejderens bemærkninger ændrer sagen.");
        });

        openTaskOf(approverCase, "Udpeg godkender");
        assertThat(formAsRead()).contains("Månedlig grænse: 20.000,00 kr.", "Bestilt af: Lars Leder");
        checkStates("Udpeg godkender", () -> {
            chooseRadio("Afvis bestillingen");
            typeIntoTextarea("Begrundelse for afvisning", "Lederen skal registreres i Opus først.");
        });

        openTaskOf(limitCase, "Godkend kortgrænse");
        assertThat(formAsRead()).contains("Månedlig grænse: 60.000,00 kr.", "Bestilt af: Lars Leder", "Leder (godkender): Lise Leder");
        checkStates("Godkend kortgrænse", () -> chooseRadio("Godkend betalingskortet"));

        openTaskByAddress(reconcile.getId(), "Afstem fratrædelse");
        assertThat(formAsRead()).contains("Sidste arbejdsdag i ServiceNow: 30-11-2026", "Fratrædelsesdato i Opus Løn: 31-12-2026");
        checkStates("Afstem fratrædelse", () -> typeIntoTextarea("Hvad har du gjort?", "Rettet i Opus Løn."));
    }

    /** Opens the case's task by its address, claims it, and checks the form empty, refused (a required field left empty) and filled. */
    private void checkStates(String taskName, Runnable fill) {
        clickButton(claimLabel());
        awaitForm();
        assertAccessible(taskName + ", empty");
        submitIncompleteForm(taskName + ", refused");
        fill.run();
        assertAccessible(taskName + ", filled");
        screenshot(taskName.replace(' ', '-'));
    }

    private void openAsCaseworker(String user, String caseId, String taskName) {
        logInToTasklist(user);
        openTaskOf(caseId, taskName);
        clickButton(claimLabel());
        awaitForm();
    }

    private void openTaskOf(String caseId, String taskName) {
        awaitStep(caseId, taskName);
        openTaskByAddress((String) tasks("demo", caseId).get(0).get("id"), taskName);
    }

    /** Opens the task by its address in Tasklist. */
    private void openTaskByAddress(String taskId, String taskName) {
        driver.get(tasklistUrl() + "#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'task-details') or contains(@class,'task-card')]//*[normalize-space(text())='" + taskName + "']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    }

    private String dismissal(String employeeNumber) {
        return createCase("dismissals", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", employeeNumber,
                "reasonCategory", "WORK_SHORTAGE", "reasonText", "Nedlæggelse af stilling", "requestedBy", "leder1")).getBody().caseId();
    }

    private static Map<String, Object> employee(String number) {
        Map<String, Object> employee = new LinkedHashMap<>(sandboxEmployee("Browser " + number, "0101700000"));
        employee.put("annualSalary", 520000.00);
        return employee;
    }
}
