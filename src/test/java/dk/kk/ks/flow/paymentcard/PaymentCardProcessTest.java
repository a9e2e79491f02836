package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardFixtures.blocked;
import static dk.kk.ks.flow.paymentcard.PaymentCardFixtures.employee;
import static dk.kk.ks.flow.paymentcard.PaymentCardFixtures.open;
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
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.notifications.RemindDelegate;
import dk.kk.ks.flow.support.ProcessTestCase;
import dk.kk.ks.flow.support.TestClock;

/** Every path of processes/payment-card.bpmn, with Opus and the card issuer mocked. */
class PaymentCardProcessTest extends ProcessTestCase {

    @Autowired
    PaymentCardCaseType caseType;

    @BeforeEach
    void organisationAndIssuer() {
        when(opusLon.employee("E10001")).thenReturn(Optional.of(employee("E10001", "mettej", "E20001")));
        when(opusLon.employee("E10005")).thenReturn(Optional.of(employee("E10005", "bo", "E20001")));
        when(opusLon.employee("E20001")).thenReturn(Optional.of(employee("E20001", "leder1", "E20002")));
        when(opusLon.employee("E20002")).thenReturn(Optional.of(employee("E20002", "leder2", null)));
        when(cardIssuer.order(any(), anyString())).thenAnswer(call -> {
            CardIssuerPort.CardOrder order = call.getArgument(0);
            return new CardIssuerPort.Card("CARD-1", order.employeeNumber(), order.monthlyLimit(), CardIssuerPort.CardStatus.OPEN,
                    order.reference(), null);
        });
    }

    @Test
    void anOrderApprovedByTheEmployeesManagerIsOrderedAtTheIssuerOnce() {
        ProcessInstance order = order("E10001", "20000.00", "anna");

        execute(job(order));
        assertThat(order).isWaitingAt("Task_ApproveManager").variables()
                .containsEntry("approver", "leder1").containsEntry("escalated", false).containsEntry("employeeUserId", "mettej");
        assertThat(task(order)).isAssignedTo("leder1");
        approveAs("leder1", task(order));

        assertThat(order).isWaitingAt("Task_OrderCard");
        execute(job(order));
        execute(job(order));

        assertThat(order).isEnded().hasPassed("Task_ApproveManager", "Task_OrderCard", "Task_UpdateServiceNow")
                .hasNotPassed("Task_AssignApprover", "Task_ApproveLimit", "Task_CloseCards")
                .variables().containsEntry("outcome", "ORDERED").containsEntry("cardId", "CARD-1")
                .containsEntry("approvals", List.of("leder1"));
        verify(cardIssuer).order(new CardIssuerPort.CardOrder("E10001", new BigDecimal("20000.00"), order.getBusinessKey()),
                order.getId() + ":Task_OrderCard");
        verify(serviceNow).update(eq(order.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_COMPLETE), anyString(), anyString());
        assertThat(caseType.result(historicVariables(order))).containsEntry("approvals", List.of("leder1")).containsEntry("cardId", "CARD-1");
    }

    @Test
    void onlyThePersonTheApprovalIsAssignedToCanApproveIt() {
        ProcessInstance order = order("E10001", "20000.00", "anna");
        execute(job(order));
        Task approval = task(order);

        // Another manager may not even work on the task; an administrator, who may, is refused by the listener.
        logInAs("leder2");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("approved", true)))
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        logInAs("demo");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("approved", true)))
                .hasMessageContaining("leder1");
        identityService.clearAuthentication();

        assertThat(order).isWaitingAt("Task_ApproveManager");
        assertThat(task(order).getId()).isEqualTo(approval.getId());
        verify(cardIssuer, never()).order(any(), anyString());
    }

    @Test
    void aRejectionNeedsACommentAndEndsRejectedWithoutAnOrder() {
        ProcessInstance order = order("E10001", "20000.00", "anna");
        execute(job(order));

        logInAs("leder1");
        rejectWithComment(task(order), Map.of("approved", false), "Medarbejderen rejser ikke");
        identityService.clearAuthentication();

        assertThat(order).isWaitingAt("Task_UpdateServiceNow");
        execute(job(order));
        assertThat(order).isEnded().hasPassed("EndEvent_ManagerRejected").hasNotPassed("Task_OrderCard", "Task_ApproveLimit")
                .variables().containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("REJECTED_BY_APPROVER"))
                .containsEntry("approvals", List.of());
        verify(cardIssuer, never()).order(any(), anyString());
        verify(serviceNow).update(eq(order.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void whenTheRequesterIsTheEmployeesManagerTheManagersManagerApproves() {
        ProcessInstance order = order("E10001", "20000.00", "leder1");
        execute(job(order));

        assertThat(order).isWaitingAt("Task_ApproveManager").variables()
                .containsEntry("approver", "leder2").containsEntry("escalated", true);
        Task approval = task(order);
        assertThat(approval).isAssignedTo("leder2");
        logInAs("leder1");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("approved", true)))
                .isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        logInAs("demo");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("approved", true)))
                .hasMessageContaining("leder2");
        identityService.clearAuthentication();

        approveAs("leder2", task(order));
        execute(job(order));
        execute(job(order));
        assertThat(order).isEnded().variables().containsEntry("outcome", "ORDERED").containsEntry("approvals", List.of("leder2"));
    }

    @Test
    void aboveFiftyThousandAMonthKsOekonomiApprovesAfterTheManagerAndNotTheRequester() {
        ProcessInstance order = order("E10001", "50000.01", "anna");
        execute(job(order));
        approveAs("leder1", task(order));

        assertThat(order).isWaitingAt("Task_ApproveLimit").variables().containsEntry("limitApproverGroups", List.of("ks-oekonomi"));
        Task limit = task(order);
        assertThat(limit).hasCandidateGroup("ks-oekonomi");
        assertThat(limit.getAssignee()).isNull();
        logInAs("anna");
        assertThatThrownBy(() -> taskService.complete(limit.getId(), Map.of("approved", true)))
                .hasMessageContaining("selv har bestilt");
        identityService.clearAuthentication();

        approveAs("bo", limit);
        execute(job(order));
        execute(job(order));
        assertThat(order).isEnded().hasPassed("Task_ApproveLimit").variables()
                .containsEntry("outcome", "ORDERED").containsEntry("approvals", List.of("leder1", "bo"));
        verify(cardIssuer).order(new CardIssuerPort.CardOrder("E10001", new BigDecimal("50000.01"), order.getBusinessKey()),
                order.getId() + ":Task_OrderCard");
    }

    @Test
    void exactlyFiftyThousandAMonthNeedsOnlyTheManager() {
        ProcessInstance order = order("E10001", "50000.00", "anna");
        execute(job(order));
        approveAs("leder1", task(order));

        assertThat(order).isWaitingAt("Task_OrderCard").hasNotPassed("Task_ApproveLimit")
                .variables().containsEntry("limitApproverGroups", List.of());
    }

    @Test
    void aRejectionOfTheLimitEndsTheOrderRejected() {
        ProcessInstance order = order("E10001", "80000.00", "anna");
        execute(job(order));
        approveAs("leder1", task(order));

        logInAs("bo");
        taskService.complete(task(order).getId(), Map.of("approved", false, "comment", "Grænsen er for høj"));
        identityService.clearAuthentication();

        execute(job(order));
        assertThat(order).isEnded().hasNotPassed("Task_OrderCard").variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("REJECTED_BY_APPROVER"))
                .containsEntry("approvals", List.of("leder1"));
    }

    @Test
    void theEmployeeCannotGiveTheLimitApprovalOfTheirOwnCard() {
        ProcessInstance order = order("E10005", "60000.00", "anna");
        execute(job(order));
        approveAs("leder1", task(order));

        logInAs("bo");
        assertThatThrownBy(() -> taskService.complete(task(order).getId(), Map.of("approved", true)))
                .hasMessageContaining("dit eget betalingskort");
        identityService.clearAuthentication();
        assertThat(order).isWaitingAt("Task_ApproveLimit");
    }

    @Test
    void withoutAManagerInOpusKsOekonomiAppointsTheApproverWhoMayNotGiveTheLimitApprovalToo() {
        ProcessInstance order = order("E20002", "60000.00", "anna");
        execute(job(order));

        assertThat(order).isWaitingAt("Task_AssignApprover").variables()
                .containsEntry("approverFound", false).containsEntry("reasons", List.of("NO_MANAGER"));
        Task assign = task(order);
        assertThat(assign).hasCandidateGroup("ks-oekonomi");
        logInAs("anna");
        assertThatThrownBy(() -> taskService.complete(assign.getId(), Map.of("assignment", "ASSIGN", "approverUserId", "leder1")))
                .hasMessageContaining("selv har bestilt");
        identityService.clearAuthentication();
        logInAs("bo");
        assertThatThrownBy(() -> taskService.complete(assign.getId(), Map.of("assignment", "ASSIGN", "approverUserId", "leder2")))
                .hasMessageContaining("medarbejderen selv");
        assertThatThrownBy(() -> taskService.complete(assign.getId(), Map.of("assignment", "ASSIGN", "approverUserId", "anna")))
                .hasMessageContaining("bestilt kortet");
        assertThatThrownBy(() -> taskService.complete(assign.getId(), Map.of("assignment", "ASSIGN", "approverUserId", "nobody")))
                .hasMessageContaining("ingen bruger");
        assertThatThrownBy(() -> taskService.complete(assign.getId(), Map.of("assignment", "ASSIGN", "approverUserId", "bo")))
                .hasMessageContaining("udpege dig selv");
        taskService.complete(assign.getId(), Map.of("assignment", "ASSIGN", "approverUserId", " demo "));
        identityService.clearAuthentication();

        assertThat(order).isWaitingAt("Task_ApproveManager");
        assertThat(task(order)).isAssignedTo("demo");
        approveAs("demo", task(order));

        Task limit = task(order);
        logInAs("demo");
        assertThatThrownBy(() -> taskService.complete(limit.getId(), Map.of("approved", true)))
                .hasMessageContaining("allerede godkendt");
        identityService.clearAuthentication();
        approveAs("bo", limit);

        execute(job(order));
        execute(job(order));
        assertThat(order).isEnded().hasPassed("Task_AssignApprover").variables()
                .containsEntry("outcome", "ORDERED").containsEntry("approvals", List.of("demo", "bo"))
                .containsEntry("reasons", List.of("NO_MANAGER"));
    }

    @Test
    void ksOekonomiMayRejectAnOrderThatHasNoApproverWithAComment() {
        ProcessInstance order = order("E20002", "20000.00", "anna");
        execute(job(order));

        logInAs("bo");
        rejectWithComment(task(order), Map.of("assignment", "REJECT"), "Direktøren har allerede et kort");
        identityService.clearAuthentication();

        execute(job(order));
        assertThat(order).isEnded().hasPassed("EndEvent_NotAssigned").hasNotPassed("Task_ApproveManager", "Task_OrderCard")
                .variables().containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("NO_MANAGER", "REJECTED_BY_CASEWORKER"));
    }

    @Test
    void whenTheRequestingManagerHasNoManagerAboveThemKsOekonomiAppointsTheApprover() {
        ProcessInstance order = order("E20001", "20000.00", "leder2");
        execute(job(order));

        assertThat(order).isWaitingAt("Task_AssignApprover").variables()
                .containsEntry("escalated", true).containsEntry("reasons", List.of("NO_MANAGER_ABOVE_REQUESTER"));
    }

    @Test
    void aReminderEveryThreeDaysRaisesThePriorityOfTheOpenApprovalAndTheTaskStays() {
        ProcessInstance order = order("E10001", "20000.00", "anna");
        execute(job(order));

        Job reminder = timer(order, "Event_Reminder");
        assertThat(reminder.getDuedate()).isAfter(daysFromNow(2.9)).isBefore(daysFromNow(3.1));
        execute(reminder);

        assertThat(order).isWaitingAt("Task_ApproveManager").hasPassed("Task_RemindApprover");
        assertThat(task(order).getPriority()).isEqualTo(RemindDelegate.REMINDED_PRIORITY);
        assertThat(order).variables().containsEntry("remindersSent", 1);
        assertThat(timer(order, "Event_Reminder")).isNotNull();
    }

    @Test
    void withoutADecisionWithin14DaysOfApprovalTheOrderExpiresEvenAfterTheFirstApproval() {
        ProcessInstance order = order("E10001", "60000.00", "anna");
        execute(job(order));
        Job expiry = timer(order, "Event_Expired");
        assertThat(expiry.getDuedate()).isAfter(daysFromNow(13.9)).isBefore(daysFromNow(14.1));
        approveAs("leder1", task(order));

        assertThat(order).isWaitingAt("Task_ApproveLimit");
        assertThat(timer(order, "Event_Expired").getId()).isEqualTo(expiry.getId());
        execute(timer(order, "Event_Expired"));

        assertThat(order).isWaitingAt("Task_UpdateServiceNow");
        execute(job(order));
        assertThat(order).isEnded().hasPassed("Event_ExpiredOutcome").hasNotPassed("Task_OrderCard")
                .variables().containsEntry("outcome", "EXPIRED");
        verify(cardIssuer, never()).order(any(), anyString());
        verify(serviceNow).update(eq(order.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void anEmployeeUnknownToOpusIsRejectedWithNoHumanStep() {
        ProcessInstance order = order("E99999", "20000.00", "anna");
        execute(job(order));

        assertThat(order).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_UnknownEmployee");
        execute(job(order));
        assertThat(order).isEnded().hasNotPassed("SubProcess_Approval").variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("UNKNOWN_EMPLOYEE"));
    }

    @Test
    void anOrderTheIssuerRefusesEndsRejectedWithTheIssuersCode() {
        doThrow(new ExternalRejectionException("cardissuer", 422, "LIMIT_ABOVE_MAXIMUM", "cardissuer answered 422"))
                .when(cardIssuer).order(any(), anyString());
        ProcessInstance order = order("E10001", "20000.00", "anna");
        execute(job(order));
        approveAs("leder1", task(order));
        execute(job(order));

        assertThat(order).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_OrderRefused");
        execute(job(order));
        assertThat(order).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("LIMIT_ABOVE_MAXIMUM"));
    }

    @Test
    void closingBlocksEveryOpenCardAtOnceWithNoApproval() {
        when(cardIssuer.cardsOf("E10002")).thenReturn(List.of(open("CARD-1", "E10002"), blocked("CARD-0", "E10002", "old-case:x"),
                open("CARD-2", "E10002")));
        when(cardIssuer.block(anyString(), anyString(), anyString()))
                .thenAnswer(call -> blocked(call.getArgument(0), "E10002", call.getArgument(1)));
        ProcessInstance close = close("E10002", "anna");

        assertThat(close).isWaitingAt("Task_CloseCards");
        execute(job(close));
        execute(job(close));

        String key = close.getId() + ":Task_CloseCards";
        verify(cardIssuer).block("CARD-1", key, key + ":CARD-1");
        verify(cardIssuer).block("CARD-2", key, key + ":CARD-2");
        verify(cardIssuer, never()).block(eq("CARD-0"), anyString(), anyString());
        assertThat(close).isEnded().hasNotPassed("Task_FindApprover", "SubProcess_Approval").variables()
                .containsEntry("outcome", "CLOSED").containsEntry("cardId", "CARD-1")
                .containsEntry("closedCardIds", List.of("CARD-1", "CARD-2"));
        assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(close.getId()).count()).isZero();
        verify(serviceNow).update(eq(close.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_COMPLETE), anyString(), anyString());
    }

    @Test
    void closingForAnEmployeeWithoutAnOpenCardIsRejected() {
        when(cardIssuer.cardsOf("E10001")).thenReturn(List.of(blocked("CARD-0", "E10001", "old-case:x")));
        ProcessInstance close = close("E10001", "anna");
        execute(job(close));
        execute(job(close));

        verify(cardIssuer, never()).block(anyString(), anyString(), anyString());
        assertThat(close).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("NO_OPEN_CARD"));
        verify(serviceNow).update(eq(close.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void aChangedDecisionTableChangesTheLimitWithoutJavaChanges() throws IOException {
        String changed = decisionTable().replace("&gt; 50000", "&gt; 10000");
        Deployment deployment = repositoryService.createDeployment().name("Procesejer: lavere kortgrænse")
                .addString("payment-card-approvals.dmn", changed).deploy();
        try {
            ProcessInstance order = order("E10001", "20000.00", "anna");
            execute(job(order));
            approveAs("leder1", task(order));
            assertThat(order).isWaitingAt("Task_ApproveLimit");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        ProcessInstance afterwards = order("E10001", "20000.00", "anna");
        execute(job(afterwards));
        approveAs("leder1", task(afterwards));
        assertThat(afterwards).isWaitingAt("Task_OrderCard");
    }

    private ProcessInstance order(String employeeNumber, String monthlyLimit, String requestedBy) {
        return start(new PaymentCardRequest(newRitm(), PaymentCardRequest.Action.ORDER, employeeNumber, new BigDecimal(monthlyLimit),
                requestedBy));
    }

    private ProcessInstance close(String employeeNumber, String requestedBy) {
        return start(new PaymentCardRequest(newRitm(), PaymentCardRequest.Action.CLOSE, employeeNumber, null, requestedBy));
    }

    private ProcessInstance start(PaymentCardRequest request) {
        assertThat(caseType.validate(request)).isEmpty();
        return startCase(caseType, request);
    }

    private void approveAs(String user, Task task) {
        logInAs(user);
        taskService.complete(task.getId(), Map.of("approved", true));
        identityService.clearAuthentication();
    }

    private static Date daysFromNow(double days) {
        return Date.from(TestClock.now().plusMillis((long) (days * 24 * 3600 * 1000)));
    }

    private static String decisionTable() throws IOException {
        try (InputStream in = PaymentCardProcessTest.class.getResourceAsStream("/payment-card-approvals.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
