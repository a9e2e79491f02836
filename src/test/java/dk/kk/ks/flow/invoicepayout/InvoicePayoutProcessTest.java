package dk.kk.ks.flow.invoicepayout;

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
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.notifications.RemindDelegate;
import dk.kk.ks.flow.support.ProcessTestCase;
import dk.kk.ks.flow.support.TestClock;

class InvoicePayoutProcessTest extends ProcessTestCase {

    @Autowired
    InvoicePayoutCaseType caseType;

    @BeforeEach
    void opusAccepts() {
        when(opusDebitor.register(any(), anyString())).thenReturn(new OpusDebitorPort.Payout("UDB1", "REGISTERED"));
        when(opusDebitor.release(anyString(), anyString())).thenReturn(new OpusDebitorPort.Payout("UDB1", "RELEASED"));
        when(opusDebitor.cancel(anyString(), anyString())).thenReturn(new OpusDebitorPort.Payout("UDB1", "CANCELLED"));
    }

    @Test
    void exactlyTenThousandIsPaidWithoutApproval() {
        ProcessInstance payout = start("10000.00");

        assertThat(payout).isWaitingAt("Task_RegisterPayout");
        execute(job(payout));
        assertThat(payout).isWaitingAt("Task_ReleasePayout");
        execute(job(payout));
        assertThat(payout).isWaitingAt("Task_UpdateServiceNow");
        execute(job(payout));

        assertThat(payout).isEnded().hasPassed("Task_ReleasePayout").hasNotPassed("Task_Approve")
                .variables().containsEntry("outcome", "PAID");
        verify(opusDebitor).release(eq("UDB1"), eq(payout.getId() + ":Task_ReleasePayout"));
        verify(serviceNow).update(eq(payout.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_COMPLETE), anyString(), anyString());
    }

    @Test
    void oneOreAboveTenThousandNeedsOneApprovalByDebitorApprovers() {
        ProcessInstance payout = start("10000.01");
        execute(job(payout));

        assertThat(payout).isWaitingAt("Task_Approve");
        assertThat(task(payout)).hasCandidateGroup("debitor-godkendere");
        approveAs("bo", task(payout));

        execute(job(payout));
        execute(job(payout));
        assertThat(payout).isEnded().hasPassed("Task_ReleasePayout").variables()
                .containsEntry("outcome", "PAID")
                .containsEntry("approvedBy", List.of("bo"))
                .containsEntry("approverGroups", List.of("debitor-godkendere"));
    }

    @Test
    void aboveTwoHundredFiftyThousandNeedsASecondApprovalByAnotherPerson() {
        ProcessInstance payout = start("250000.01");
        execute(job(payout));

        Task first = task(payout);
        assertThat(first).hasCandidateGroup("debitor-godkendere");
        approveAs("bo", first);

        Task second = task(payout);
        assertThat(second).hasCandidateGroup("oekonomi-chefer");
        logInAs("bo");
        assertThatThrownBy(() -> taskService.complete(second.getId(), Map.of("approved", true)))
                .hasMessageContaining("allerede godkendt");
        identityService.clearAuthentication();
        assertThat(payout).isWaitingAt("Task_Approve");

        approveAs("demo", second);
        execute(job(payout));
        execute(job(payout));
        assertThat(payout).isEnded().variables()
                .containsEntry("outcome", "PAID")
                .containsEntry("approvedBy", List.of("bo", "demo"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnPayout() {
        ProcessInstance payout = start("50000.00");
        execute(job(payout));

        logInAs("anna");
        Task approval = task(payout);
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("approved", true)))
                .hasMessageContaining("selv har anmodet om");
        identityService.clearAuthentication();

        assertThat(payout).isWaitingAt("Task_Approve");
        assertThat(task(payout).getId()).isEqualTo(approval.getId());
        verify(opusDebitor, never()).release(anyString(), anyString());
    }

    @Test
    void aRejectionNeedsACommentAndCancelsThePayout() {
        ProcessInstance payout = start("50000.00");
        execute(job(payout));

        logInAs("bo");
        rejectWithComment(task(payout), Map.of("approved", false), "Dobbeltbetaling");
        identityService.clearAuthentication();

        assertThat(payout).isWaitingAt("Task_CancelPayout");
        execute(job(payout));
        execute(job(payout));
        assertThat(payout).isEnded().hasPassed("Event_RejectedReason").hasNotPassed("Task_ReleasePayout")
                .variables().containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("REJECTED_BY_APPROVER"));
        verify(opusDebitor).cancel(eq("UDB1"), anyString());
        verify(serviceNow).update(eq(payout.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void aReminderRaisesThePriorityAndTheTaskStays() {
        ProcessInstance payout = start("50000.00");
        execute(job(payout));

        Job reminder = timer(payout, "Event_Reminder");
        execute(reminder);

        assertThat(payout).isWaitingAt("Task_Approve").hasPassed("Task_RemindApprovers");
        assertThat(task(payout).getPriority()).isEqualTo(RemindDelegate.REMINDED_PRIORITY);
        assertThat(payout).variables().containsEntry("remindersSent", 1);
    }

    @Test
    void withoutADecisionFor30DaysThePayoutExpires() {
        ProcessInstance payout = start("50000.00");
        execute(job(payout));

        Job expiry = timer(payout, "Event_Expired");
        assertThat(expiry.getDuedate()).isAfter(java.util.Date.from(TestClock.now().plus(java.time.Duration.ofDays(29))));
        execute(expiry);

        assertThat(payout).isWaitingAt("Task_CancelPayout");
        execute(job(payout));
        execute(job(payout));
        assertThat(payout).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("EXPIRED"));
    }

    @Test
    void aDebtorRefusedByOpusEndsRejectedWithOpusReason() {
        when(opusDebitor.register(any(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 422, "DEBTOR_BLOCKED", "opus answered 422"));
        ProcessInstance payout = start("50000.00");
        execute(job(payout));

        assertThat(payout).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_PayoutRefused");
        execute(job(payout));
        assertThat(payout).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("DEBTOR_BLOCKED"));
    }

    @Test
    void aChangedDecisionTableChangesTheRoutingWithoutJavaChanges() throws IOException {
        String changed = decisionTable().replace("&gt; 10000", "&gt; 5000");
        Deployment deployment = repositoryService.createDeployment().name("Procesejer: lavere grænse")
                .addString("invoice-payout-approvals.dmn", changed).deploy();
        try {
            ProcessInstance payout = start("6000.00");
            execute(job(payout));
            assertThat(payout).isWaitingAt("Task_Approve");
            assertThat(task(payout)).hasCandidateGroup("debitor-godkendere");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        ProcessInstance afterwards = start("6000.00");
        execute(job(afterwards));
        assertThat(afterwards).isWaitingAt("Task_ReleasePayout");
    }

    private ProcessInstance start(String amount) {
        InvoicePayoutRequest request = new InvoicePayoutRequest(newRitm(),
                "100234", "Jens Hansen", new BigDecimal(amount), "Tilbagebetaling", "anna");
        return startCase(caseType, request);
    }

    private void approveAs(String user, Task task) {
        logInAs(user);
        taskService.complete(task.getId(), Map.of("approved", true));
        identityService.clearAuthentication();
    }

    private static String decisionTable() throws IOException {
        try (InputStream in = InvoicePayoutProcessTest.class.getResourceAsStream("/invoice-payout-approvals.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
