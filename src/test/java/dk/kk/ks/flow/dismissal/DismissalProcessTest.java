package dk.kk.ks.flow.dismissal;

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
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;
import dk.kk.ks.flow.integration.edoc.EdocPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.support.ProcessTestCase;

class DismissalProcessTest extends ProcessTestCase {

    /** The application's "today" (Copenhagen): after 23:00 UTC it is already tomorrow there. */
    @Autowired
    Clock clock;
    @Autowired
    DismissalCaseType caseType;

    @BeforeEach
    void systemsAnswer() {
        employee("E1", "OVERENSKOMST", LocalDate.of(2012, 1, 15));
        when(edoc.createPersonnelCase(anyString(), any(), anyString())).thenReturn("EDOC-2027-000123");
        when(edoc.journalise(anyString(), any(), anyString())).thenReturn("DOC-1");
        when(digitalPost.send(any(), anyString())).thenReturn("MSG-1");
    }

    @Test
    void aReplyBeforeTheDeadlineLeadsToADismissalWithLettersAndTheTerminationInOpus() {
        ProcessInstance dismissal = start("E1");
        execute(job(dismissal));
        assertThat(dismissal).isWaitingAt("Task_Check").variables().containsKey("hearingLetterPreview");
        String deadline = LocalDate.now(clock).plusDays(14).toString();
        assertThat(dismissal).variables().containsEntry("hearingDeadline", deadline);

        taskService.complete(task(dismissal).getId(), Map.of("hearingDeadline", deadline));
        runAllJobsExceptTimers(dismissal);
        assertThat(dismissal).isWaitingAt("Gateway_Wait");
        ArgumentCaptor<EdocPort.NewDocument> documents = ArgumentCaptor.forClass(EdocPort.NewDocument.class);
        verify(edoc).journalise(eq("EDOC-2027-000123"), documents.capture(), anyString());
        assertThat(documents.getValue().documentType()).isEqualTo("Partshøring");
        ArgumentCaptor<DigitalPostPort.Letter> letters = ArgumentCaptor.forClass(DigitalPostPort.Letter.class);
        verify(digitalPost, times(2)).send(letters.capture(), anyString());
        assertThat(letters.getAllValues()).extracting(DigitalPostPort.Letter::recipientIdType)
                .containsExactlyInAnyOrder(DigitalPostPort.IdType.CPR, DigitalPostPort.IdType.CVR);
        assertThat(letters.getAllValues()).filteredOn(l -> l.recipientIdType() == DigitalPostPort.IdType.CPR)
                .singleElement().satisfies(l -> {
                    assertThat(l.recipientId()).isEqualTo("0101901234");
                    assertThat(l.legalNotification()).isTrue();
                    assertThat(l.caseNumber()).isEqualTo("EDOC-2027-000123");
                });

        runtimeService.createMessageCorrelation(HearingReplyController.MESSAGE).processInstanceId(dismissal.getId())
                .setVariables(Map.of("hearingReplyReceivedAt", "2027-04-10T09:00:00+02:00", "hearingReplySummary", "Uenig"))
                .correlate();
        assertThat(dismissal).isWaitingAt("Task_Decide").hasPassed("Event_ReplyReceived");

        assertThatThrownBy(() -> taskService.complete(task(dismissal).getId(), Map.of("decision", "DISMISS")))
                .hasMessageContaining("begrundelsen");
        taskService.complete(task(dismissal).getId(), Map.of("decision", "DISMISS", "justification", "Stillingen nedlægges"));
        runAllJobsExceptTimers(dismissal);

        ProcessInstance resignation = runtimeService.createProcessInstanceQuery().superProcessInstanceId(dismissal.getId()).singleResult();
        assertThat(resignation).isNotNull();
        execute(job(resignation));
        execute(job(resignation));
        runAllJobsExceptTimers(dismissal);

        assertThat(dismissal).isEnded().variables().containsEntry("outcome", "DISMISSED").containsEntry("resignationOutcome", "REGISTERED")
                .containsKey("terminationDate");
        // Hired 15 January 2012, notice today: more than 8 years 7 months, 6 months' notice to the end of a month.
        LocalDate expectedTermination = LocalDate.now(clock).plusMonths(6).withDayOfMonth(LocalDate.now(clock).plusMonths(6).lengthOfMonth());
        assertThat(dismissal).variables().containsEntry("terminationDate", expectedTermination.toString());
        verify(opusLon).registerTermination(eq("E1"), eq(new OpusLonPort.Termination(expectedTermination, "DISMISSAL")), anyString());
        verify(edoc, times(2)).journalise(anyString(), any(), anyString());
        verify(digitalPost, times(3)).send(any(), anyString());
        verify(serviceNow).update(eq(dismissal.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_COMPLETE), anyString(), anyString());
    }

    @Test
    void withoutAReplyTheDeadlineLeadsToTheDecision() {
        ProcessInstance dismissal = toHearing();

        // The deadline's last second in Copenhagen, whatever the server's time zone.
        Job deadline = managementService.createJobQuery().processInstanceId(dismissal.getId()).timers().singleResult();
        assertThat(deadline.getDuedate().toInstant())
                .isEqualTo(LocalDate.now(clock).plusDays(14).atTime(23, 59, 59).atZone(ZoneId.of("Europe/Copenhagen")).toInstant());
        execute(deadline);

        assertThat(dismissal).isWaitingAt("Task_Decide").hasPassed("Event_DeadlinePassed").hasNotPassed("Event_ReplyReceived");
    }

    @Test
    void aWithdrawalSendsAWithdrawalLetterAndRegistersNothingInOpus() {
        ProcessInstance dismissal = toHearing();
        execute(managementService.createJobQuery().processInstanceId(dismissal.getId()).timers().singleResult());

        taskService.complete(task(dismissal).getId(), Map.of("decision", "WITHDRAW", "justification", "Ny stilling fundet"));
        runAllJobsExceptTimers(dismissal);

        assertThat(dismissal).isEnded().hasPassed("Task_JournaliseWithdrawal", "Task_SendWithdrawal").hasNotPassed("CallActivity_Resignation")
                .variables().containsEntry("outcome", "WITHDRAWN");
        verify(opusLon, never()).registerTermination(anyString(), any(), anyString());
        verify(serviceNow).update(eq(dismissal.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void aCivilServantGoesToACaseworkerWithNoComputedDates() {
        employee("E2", "TJENESTEMAND", LocalDate.of(1998, 1, 1));
        ProcessInstance dismissal = start("E2");
        execute(job(dismissal));

        assertThat(dismissal).isWaitingAt("Task_CivilServant");
        taskService.complete(task(dismissal).getId(), Map.of("decision", "DISMISS", "justification", "Afgjort efter tjenestemandsloven"));
        execute(job(dismissal));

        assertThat(dismissal).isEnded().hasNotPassed("Task_CalculateNotice", "Task_CreateEdocCase").variables()
                .containsEntry("outcome", "DISMISSED").doesNotContainKey("terminationDate");
        verify(digitalPost, never()).send(any(), anyString());
    }

    @Test
    void anEmployeeOpusDoesNotKnowEndsTheCaseRejectedWithoutALetter() {
        when(opusLon.employee("E9")).thenReturn(Optional.empty());
        ProcessInstance dismissal = start("E9");
        execute(job(dismissal));

        assertThat(dismissal).isWaitingAt("Task_UpdateServiceNow").hasPassed("Task_LookupEmployee", "Event_UnknownEmployee")
                .hasNotPassed("Task_Check", "Task_CivilServant");
        execute(job(dismissal));
        assertThat(dismissal).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("UNKNOWN_EMPLOYEE"));
        verify(edoc, never()).createPersonnelCase(anyString(), any(), anyString());
        verify(digitalPost, never()).send(any(), anyString());
        verify(serviceNow).update(eq(dismissal.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void theHearingDeadlineMustLieAfterToday() {
        ProcessInstance dismissal = start("E1");
        execute(job(dismissal));
        assertThatThrownBy(() -> taskService.complete(task(dismissal).getId(), Map.of("hearingDeadline", LocalDate.now(clock).toString())))
                .hasMessageContaining("efter i dag");
    }

    private ProcessInstance toHearing() {
        ProcessInstance dismissal = start("E1");
        execute(job(dismissal));
        taskService.complete(task(dismissal).getId(), Map.of("hearingDeadline", LocalDate.now(clock).plusDays(14).toString()));
        runAllJobsExceptTimers(dismissal);
        return dismissal;
    }

    private void runAllJobsExceptTimers(ProcessInstance instance) {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(instance.getId()).executable().messages().list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private void employee(String number, String type, LocalDate hireDate) {
        when(opusLon.employee(number)).thenReturn(Optional.of(new OpusLonPort.Employee(number, "Mette Jensen", "0101901234", "mettej",
                hireDate, null, new BigDecimal("420000.00"), "BUF", "E20001", BigDecimal.ZERO,
                OpusLonPort.EmployeeType.valueOf(type), false, false)));
    }

    private ProcessInstance start(String employeeNumber) {
        DismissalRequest request = new DismissalRequest(newRitm(), employeeNumber,
                DismissalRequest.ReasonCategory.WORK_SHORTAGE, "Nedlæggelse af stilling som følge af besparelser", "leder1");
        return startCase(caseType, request);
    }
}
