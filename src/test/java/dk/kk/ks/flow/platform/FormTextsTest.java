package dk.kk.ks.flow.platform;

import static dk.kk.ks.flow.support.ServiceNowRefs.newRitm;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * What the forms show: every user task gets its Danish display texts when it is created (the real diagrams, each
 * task entered directly with the variables a case has there), while the process keeps its codes and numbers.
 */
class FormTextsTest extends ProcessTestCase {

    @Autowired
    FormService formService;
    @Autowired
    Clock clock;

    @Test
    void theResignationReviewShowsDanishNamesDaysAndKroner() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("employeeNumber", "E1");
        variables.put("employeeName", "Mette Jensen");
        variables.put("reason", "RESIGNATION");
        variables.put("lastWorkingDay", "2027-01-31");
        variables.put("department", "BUF");
        variables.put("triage", "STANDARD");
        variables.put("triageReason", "ADVANCE_HOLIDAY");
        variables.put("team", "Team Velfærd");
        variables.put("hasPaymentCard", true);
        variables.put("paymentCardClosed", true);
        variables.put("advanceHolidayDays", 5.71);
        variables.put("advanceHolidayDeduction", 8740.69);
        Task task = enter("resignation", "Task_Review", variables);

        assertThat(taskService.getVariablesLocal(task.getId())).containsAllEntriesOf(Map.of(
                "reasonText", "Egen opsigelse",
                "lastWorkingDayText", "31-01-2027",
                "departmentText", "Børne- og Ungdomsforvaltningen (BUF)",
                "triageText", "Manuel behandling",
                "triageReasonText", "Ferie holdt på forskud, som skal modregnes",
                "advanceHolidayDaysText", "5,71 dage",
                "advanceHolidayDeductionText", "8.740,69 kr.",
                "paymentCardText", "Spærret"));
        assertThat(runtimeService.getVariables(task.getProcessInstanceId()))
                .containsEntry("triage", "STANDARD").containsEntry("advanceHolidayDeduction", 8740.69)
                .doesNotContainKeys("triageText", "advanceHolidayDeductionText");
    }

    @Test
    void thePayoutApprovalShowsTheAmountInKronerAndTheRequesterByName() {
        Task task = enter("invoice-payout", "Task_Approve", Map.of("debtorNumber", "100234", "payee", "Jens Hansen",
                "amount", 12500.0, "reason", "Tilbagebetaling", "requestedBy", "anna", "approverGroups", List.of("debitor-godkendere"),
                "approverGroup", "debitor-godkendere", "approvedBy", List.of()));

        assertThat(taskService.getVariablesLocal(task.getId()))
                .containsEntry("amountText", "12.500,00 kr.").containsEntry("requestedByName", "Anna Andersen");
    }

    @Test
    void aUserIdTheIdentityServiceDoesNotKnowIsShownAsItIs() {
        Task task = enter("posting", "Task_Review", Map.of("requestedBy", "ukendt-bruger", "postingDate", "2027-03-01",
                "description", "Omkontering", "debitTotal", 150000.0, "linesText", "", "reviewerGroups", List.of("bogholderi")));

        assertThat(taskService.getVariablesLocal(task.getId())).containsEntry("requestedByName", "ukendt-bruger")
                .containsEntry("postingDateText", "01-03-2027").containsEntry("debitTotalText", "150.000,00 kr.");
    }

    @Test
    void theTimesheetTableShowsDanishDatesCategoriesHoursAndAmounts() {
        String calculation = """
                {"hourlyWage": 250.00, "lines": [{"date": "2027-03-26", "category": "EVENING", "hours": 4.00, "rate": 0.3512,
                 "amount": 351.20}], "totals": {"EVENING": 4.00}, "totalAmount": 351.20, "warnings": ["OLDER_THAN_90_DAYS"]}""";
        Task task = enter("timesheet", "Task_Review", Map.of("employeeNumber", "E1", "employeeName", "Mette Jensen",
                "warningsText", "En vagt er mere end 90 dage gammel.",
                "calculation", org.camunda.spin.plugin.variable.SpinValues.jsonValue(calculation).create()));

        Object rows = taskService.getVariableLocal(task.getId(), "calculationRows");
        assertThat(rows.toString()).isEqualToIgnoringWhitespace(
                "[{\"date\":\"26-03-2027\",\"category\":\"aften\",\"hours\":\"4,00\",\"amount\":\"351,20 kr.\"}]");
    }

    @Test
    void theDismissalCheckProposesTheDeadlineInDanishAndTheProcessKeepsAnIsoDate() {
        LocalDate proposal = LocalDate.now(clock).plusDays(14);
        Task task = enter("dismissal", "Task_Check", Map.of("employeeNumber", "E1", "employeeName", "Mette Jensen",
                "reasonCategory", "WORK_SHORTAGE", "reasonText", "Nedlæggelse af stilling", "hearingDeadline", proposal.toString(),
                "requestedBy", "leder1"));

        assertThat(taskService.getVariablesLocal(task.getId())).containsEntry("reasonCategoryText", "Arbejdsmangel")
                .containsEntry("hearingDeadline", DanishTexts.date(proposal));

        // Tasklist submits the form: the task's own variable takes the caseworker's date.
        LocalDate chosen = proposal.plusDays(7);
        formService.submitTaskForm(task.getId(), Map.of("hearingDeadline", DanishTexts.date(chosen)));

        assertThat(runtimeService.getVariables(task.getProcessInstanceId()))
                .containsEntry("hearingDeadline", chosen.toString());
        assertThat((String) runtimeService.getVariable(task.getProcessInstanceId(), "hearingDeadlineEnds")).startsWith(chosen + "T23:59:59");
    }

    @Test
    void everyUserTaskWithAFormGetsItsTextsWhenItIsCreated() throws IOException {
        try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
            for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    if (task.getCamundaFormRef() == null) {
                        continue;
                    }
                    assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                            .as("%s %s", diagram.getFileName(), task.getId())
                            .anySatisfy(listener -> {
                                assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${formTexts}");
                                assertThat(listener.getCamundaEvent()).isEqualTo(TaskListener.EVENTNAME_CREATE);
                            });
                }
            }
        }
    }

    private Task enter(String processKey, String activityId, Map<String, Object> variables) {
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(processKey)
                .businessKey(newRitm())
                .startBeforeActivity(activityId)
                .setVariables(variables)
                .execute();
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
