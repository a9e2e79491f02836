package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.support.ServiceNowRefs.newRitm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.support.ProcessTestCase;

class ResignationProcessTest extends ProcessTestCase {

    /** Hired long ago; leaving 31 May 2027: 18.72 days earned this holiday year. */
    static final LocalDate LAST_DAY = LocalDate.of(2027, 5, 31);

    @Autowired
    ResignationCaseType caseType;

    @Test
    void aRoutineResignationIsRegisteredWithNoHumanStep() {
        employee("E1", "18.00", "OVERENSKOMST", "BUF", false);
        ProcessInstance resignation = start("E1", ResignationRequest.Reason.RESIGNATION);

        execute(job(resignation));
        assertThat(resignation).isWaitingAt("Task_RegisterTermination").variables()
                .containsEntry("triage", "AUTOMATIC").containsEntry("team", "Automatisk");
        execute(job(resignation));
        execute(job(resignation));

        assertThat(resignation).isEnded().hasNotPassed("Task_Review", "Task_RegisterDeduction", "Task_CloseCard")
                .variables().containsEntry("outcome", "REGISTERED").containsEntry("advanceHolidayDays", 0.0);
        ArgumentCaptor<OpusLonPort.Termination> termination = ArgumentCaptor.forClass(OpusLonPort.Termination.class);
        verify(opusLon).registerTermination(eq("E1"), termination.capture(), eq(resignation.getId() + ":Task_RegisterTermination"));
        assertThat(termination.getValue()).isEqualTo(new OpusLonPort.Termination(LAST_DAY, "RESIGNATION"));
        verify(opusLon, never()).registerOneOffPayment(any(), anyString());
        verify(serviceNow).update(eq(resignation.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_COMPLETE), anyString(), anyString());
    }

    @Test
    void holidayTakenInAdvanceGoesToTheDepartmentsTeamAndTheDeductionIsRegistered() {
        employee("E2", "21.84", "OVERENSKOMST", "BUF", false);
        ProcessInstance resignation = start("E2", ResignationRequest.Reason.RESIGNATION);
        execute(job(resignation));

        assertThat(resignation).isWaitingAt("Task_Review").variables()
                .containsEntry("triage", "STANDARD").containsEntry("team", "Team Velfærd")
                .containsEntry("advanceHolidayDays", 3.12).containsEntry("advanceHolidayDeduction", 4800.0)
                .containsEntry("reasons", List.of("ADVANCE_HOLIDAY"));
        assertThat(task(resignation)).hasCandidateGroup("ks-loen");

        taskService.complete(task(resignation).getId(), Map.of("decision", "CONFIRM"));
        execute(job(resignation));
        execute(job(resignation));
        execute(job(resignation));

        assertThat(resignation).isEnded().hasPassed("Task_RegisterDeduction");
        ArgumentCaptor<OpusLonPort.OneOffPayment> deduction = ArgumentCaptor.forClass(OpusLonPort.OneOffPayment.class);
        verify(opusLon).registerOneOffPayment(deduction.capture(), anyString());
        assertThat(deduction.getValue().lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("-4800.00");
            assertThat(line.hours()).isEqualByComparingTo("3.12");
            assertThat(line.wageType()).isEqualTo("4201");
            assertThat(line.date()).isEqualTo(LAST_DAY);
        });
    }

    @Test
    void theCaseworkerCanCorrectTheDeduction() {
        employee("E3", "21.84", "OVERENSKOMST", "KFF", false);
        ProcessInstance resignation = start("E3", ResignationRequest.Reason.RETIREMENT);
        execute(job(resignation));
        assertThat(resignation).variables().containsEntry("team", "Team Kultur og Beskæftigelse");

        assertThatThrownBy(() -> taskService.complete(task(resignation).getId(), Map.of("decision", "CORRECT", "correctedDeduction", -1.0)))
                .hasMessageContaining("0 kr. eller mere");
        taskService.complete(task(resignation).getId(), Map.of("decision", "CORRECT", "correctedDeduction", 1234.5));
        execute(job(resignation));
        execute(job(resignation));

        ArgumentCaptor<OpusLonPort.OneOffPayment> deduction = ArgumentCaptor.forClass(OpusLonPort.OneOffPayment.class);
        verify(opusLon).registerOneOffPayment(deduction.capture(), anyString());
        assertThat(deduction.getValue().lines().get(0).amount()).isEqualByComparingTo("-1234.50");
    }

    @Test
    void aDeathIsASpecialCase() {
        employee("E4", "0", "OVERENSKOMST", "BUF", false);
        ProcessInstance resignation = start("E4", ResignationRequest.Reason.DEATH);
        execute(job(resignation));

        assertThat(resignation).isWaitingAt("Task_Review").variables()
                .containsEntry("triage", "SPECIAL").containsEntry("team", "Team Særlige sager")
                .containsEntry("reasons", List.of("DEATH"));
    }

    @Test
    void aCivilServantIsASpecialCase() {
        employee("E5", "0", "TJENESTEMAND", "TMF", false);
        ProcessInstance resignation = start("E5", ResignationRequest.Reason.RETIREMENT);
        execute(job(resignation));

        assertThat(resignation).isWaitingAt("Task_Review").variables()
                .containsEntry("triage", "SPECIAL").containsEntry("reasons", List.of("CIVIL_SERVANT"));
    }

    @Test
    void aPaymentCardIsClosedAndTheCaseStaysAutomatic() {
        employee("E6", "0", "OVERENSKOMST", "SUF", true);
        when(cardIssuer.cardsOf("E6")).thenReturn(List.of(card("CARD-6", CardIssuerPort.CardStatus.OPEN)));
        when(cardIssuer.block(eq("CARD-6"), anyString(), anyString())).thenReturn(card("CARD-6", CardIssuerPort.CardStatus.BLOCKED));
        ProcessInstance resignation = start("E6", ResignationRequest.Reason.RESIGNATION);

        execute(job(resignation));
        assertThat(resignation).isWaitingAt("Task_CloseCard");
        execute(job(resignation));

        assertThat(resignation).isWaitingAt("Task_RegisterTermination").variables()
                .containsEntry("paymentCardClosed", true).containsEntry("triage", "AUTOMATIC");
        verify(cardIssuer).block("CARD-6", resignation.getBusinessKey(), resignation.getId() + ":Task_CloseCard:CARD-6");
    }

    @Test
    void aCardThatCannotBeClosedAutomaticallyMakesTheCaseStandard() {
        employee("E7", "0", "OVERENSKOMST", "SUF", true);
        when(cardIssuer.cardsOf("E7")).thenReturn(List.of());
        ProcessInstance resignation = start("E7", ResignationRequest.Reason.RESIGNATION);
        execute(job(resignation));
        execute(job(resignation));

        assertThat(resignation).isWaitingAt("Task_Review").variables()
                .containsEntry("triage", "STANDARD").containsEntry("reasons", List.of("PAYMENT_CARD_NOT_CLOSED"));
    }

    @Test
    void anEmployeeUnknownToOpusIsRejected() {
        when(opusLon.employee("E404")).thenReturn(Optional.empty());
        ProcessInstance resignation = start("E404", ResignationRequest.Reason.RESIGNATION);
        execute(job(resignation));
        execute(job(resignation));

        assertThat(resignation).isEnded().hasNotPassed("Task_RegisterTermination").variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("UNKNOWN_EMPLOYEE"));
        verify(serviceNow).update(eq(resignation.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void anotherCaseCanCallTheResignationAndWritesToServiceNowItself() {
        employee("E8", "0", "OVERENSKOMST", "BUF", false);
        BpmnModelInstance caller = Bpmn.createExecutableProcess("test-dismissal-caller").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_Resignation").calledElement("resignation")
                .camundaIn("employeeNumber", "employeeNumber")
                .camundaIn("terminationDate", "lastWorkingDay")
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaOut("outcome", "resignationOutcome")
                .userTask("Task_After")
                .endEvent().done();
        Deployment deployment = repositoryService.createDeployment().addModelInstance("caller.bpmn", caller).deploy();
        try {
            ProcessInstance dismissal = runtimeService.startProcessInstanceByKey("test-dismissal-caller", "RITM7777777",
                    Map.of("employeeNumber", "E8", "terminationDate", "2027-03-31"));
            ProcessInstance resignation = runtimeService.createProcessInstanceQuery().superProcessInstanceId(dismissal.getId()).singleResult();
            // What the dismissal flow passes besides: the reason and that it is part of its case.
            runtimeService.setVariables(resignation.getId(), Map.of("reason", "DISMISSAL", "reportedBy", "leder1", "partOfOtherCase", true));

            execute(job(resignation));
            execute(job(resignation));

            assertThat(resignation).isEnded().hasPassed("EndEvent_PartOfOtherCase").hasNotPassed("Task_UpdateServiceNow");
            assertThat(dismissal).isWaitingAt("Task_After").variables().containsEntry("resignationOutcome", "REGISTERED");
            verify(opusLon).registerTermination(eq("E8"), eq(new OpusLonPort.Termination(LocalDate.of(2027, 3, 31), "DISMISSAL")), anyString());
            verify(serviceNow, never()).update(anyString(), any(), anyString(), anyString());
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aChangedRoutingTableRoutesWithoutJavaChanges() throws IOException {
        String changed = resource("/resignation-routing.dmn").replace("\"Team Velfærd\"", "\"Team Nord\"");
        Deployment deployment = repositoryService.createDeployment().addString("resignation-routing.dmn", changed).deploy();
        try {
            employee("E9", "21.84", "OVERENSKOMST", "BUF", false);
            ProcessInstance resignation = start("E9", ResignationRequest.Reason.RESIGNATION);
            execute(job(resignation));
            assertThat(resignation).isWaitingAt("Task_Review").variables().containsEntry("team", "Team Nord");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    private void employee(String number, String daysTaken, String type, String department, boolean card) {
        when(opusLon.employee(number)).thenReturn(Optional.of(new OpusLonPort.Employee(number, "Medarbejder " + number, "0101010101",
                "u" + number, LocalDate.of(2010, 1, 1), null, new BigDecimal("400000.00"), department, "E20001",
                new BigDecimal(daysTaken), OpusLonPort.EmployeeType.valueOf(type), false, card)));
    }

    private static CardIssuerPort.Card card(String cardId, CardIssuerPort.CardStatus status) {
        return new CardIssuerPort.Card(cardId, "E6", new BigDecimal("5000"), status, "RITM0000000", null);
    }

    private ProcessInstance start(String employeeNumber, ResignationRequest.Reason reason) {
        ResignationRequest request = new ResignationRequest(newRitm(),
                employeeNumber, LAST_DAY, reason, "leder1");
        return startCase(caseType, request);
    }
}
