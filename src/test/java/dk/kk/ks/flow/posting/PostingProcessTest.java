package dk.kk.ks.flow.posting;

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
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.support.ProcessTestCase;

class PostingProcessTest extends ProcessTestCase {

    @Autowired
    PostingCaseType caseType;

    @BeforeEach
    void opusKnowsTheSeededMasterData() {
        when(opusOekonomi.account(anyString())).thenReturn(Optional.empty());
        when(opusOekonomi.account("44120000")).thenReturn(Optional.of(new OpusOekonomiPort.Account("44120000", true, List.of("I25"))));
        when(opusOekonomi.account("49990000")).thenReturn(Optional.of(new OpusOekonomiPort.Account("49990000", false, List.of("I25"))));
        when(opusOekonomi.costCenterActive("1010101010")).thenReturn(true);
        when(opusOekonomi.costCenterActive("1010202020")).thenReturn(true);
        when(opusOekonomi.periodOpen(YearMonth.of(2027, 3))).thenReturn(true);
        when(opusOekonomi.postJournal(any(), anyString())).thenReturn(new OpusOekonomiPort.Document("4900000007"));
    }

    @Test
    void aValidPostingUpToTheThresholdIsPostedAtOnceWithTheCaseAndActivityAsKey() {
        ProcessInstance posting = start("2027-03-15", line("44120000", "1010101010", "100000.00", "I25"),
                line("44120000", "1010202020", "-100000.00", "I25"));

        assertThat(posting).isWaitingAt("Task_CheckPosting").hasPassed("Task_DetermineValidations");
        execute(job(posting));
        assertThat(posting).isWaitingAt("Task_PostJournal").hasNotPassed("Task_Review");
        execute(job(posting));
        execute(job(posting));

        assertThat(posting).isEnded().variables()
                .containsEntry("outcome", "POSTED").containsEntry("reasons", List.of())
                .containsEntry("reviewerGroups", List.of()).containsEntry("opusDocumentNumber", "4900000007");
        ArgumentCaptor<OpusOekonomiPort.Journal> journal = ArgumentCaptor.forClass(OpusOekonomiPort.Journal.class);
        verify(opusOekonomi).postJournal(journal.capture(), eq(posting.getId() + ":Task_PostJournal"));
        assertThat(journal.getValue().postingDate()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(journal.getValue().reference()).isEqualTo(posting.getBusinessKey());
        assertThat(journal.getValue().lines()).extracting(OpusOekonomiPort.JournalLine::amount)
                .containsExactly(new BigDecimal("100000.00"), new BigDecimal("-100000.00"));
        assertThat(storedLines(posting)).as("the lines stay exact in the history").contains("\"amount\":100000.00").contains("\"amount\":-100000.00");
        assertThat(caseType.result(historicVariables(posting)))
                .containsEntry("automatic", true).containsEntry("opusDocumentNumber", "4900000007");
        assertThat(workNote(posting, ServiceNowPort.State.CLOSED_COMPLETE))
                .contains("Udfald: Bogført.").contains("Bogført i Opus Økonomi som bilag 4900000007 uden manuel gennemgang");
    }

    @Test
    void anInvalidPostingIsRejectedWithEveryReasonInPlainDanishAndNothingIsPosted() {
        ProcessInstance posting = start("2026-01-31", line("49990000", "1010999999", "100.00", "I25"));
        execute(job(posting));

        assertThat(posting).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_PostingRejected").hasNotPassed("Task_DetermineReview");
        execute(job(posting));
        assertThat(posting).isEnded().variables().containsEntry("outcome", "REJECTED")
                .containsEntry("reasons", List.of("TOO_FEW_LINES", "UNBALANCED", "UNKNOWN_ACCOUNT", "INACTIVE_COST_CENTER", "PERIOD_CLOSED"));
        verify(opusOekonomi, never()).postJournal(any(), anyString());
        assertThat(caseType.result(historicVariables(posting))).containsEntry("automatic", true).containsEntry("opusDocumentNumber", null);
        assertThat(workNote(posting, ServiceNowPort.State.CLOSED_INCOMPLETE))
                .contains("Udfald: Afvist. Begrundelse: Posteringen skal have mindst to linjer; "
                        + "Linjerne går ikke i nul (summen skal være præcis 0,00 kr.); "
                        + "En eller flere konti findes ikke eller er ikke aktive i Opus Økonomi; "
                        + "Et eller flere omkostningssteder er ikke aktive; "
                        + "Bogføringsperioden er lukket i Opus Økonomi.");
    }

    @Test
    void aVatCodeNotAllowedOnTheAccountIsRejected() {
        ProcessInstance posting = start("2027-03-15", line("44120000", "1010101010", "10.00", "I0"),
                line("44120000", "1010202020", "-10.00", "I25"));
        execute(job(posting));
        execute(job(posting));

        assertThat(posting).isEnded().variables().containsEntry("reasons", List.of("INVALID_VAT_CODE"));
        assertThat(workNote(posting, ServiceNowPort.State.CLOSED_INCOMPLETE)).contains("Begrundelse: En momskode er ikke tilladt på kontoen.");
    }

    @Test
    void aLargePostingIsReviewedByBogholderiButNeverByItsRequester() {
        ProcessInstance posting = start("2027-03-15", line("44120000", "1010101010", "100000.01", "I25"),
                line("44120000", "1010202020", "-100000.01", "I25"));
        execute(job(posting));

        assertThat(posting).isWaitingAt("Task_Review");
        assertThat(task(posting)).hasCandidateGroup("bogholderi").hasName("Gennemgå postering");
        assertThat(posting).variables().containsEntry("linesText",
                "Konto 44120000, omk.sted 1010101010, moms I25: 100.000,01 kr. (tekst)\n"
                        + "Konto 44120000, omk.sted 1010202020, moms I25: -100.000,01 kr. (tekst)");

        logInAs("anna");
        String taskId = task(posting).getId();
        assertThatThrownBy(() -> taskService.complete(taskId, Map.of("approved", true))).hasMessageContaining("selv har anmodet om");
        identityService.clearAuthentication();
        assertThat(posting).isWaitingAt("Task_Review");
        assertThat(task(posting).getId()).isEqualTo(taskId);
        verify(opusOekonomi, never()).postJournal(any(), anyString());

        decideAs("bo", posting, Map.of("approved", true));
        assertThat(posting).isWaitingAt("Task_PostJournal");
        execute(job(posting));
        execute(job(posting));
        assertThat(posting).isEnded().variables().containsEntry("outcome", "POSTED").containsEntry("reviewedBy", "bo");
        assertThat(caseType.result(historicVariables(posting))).containsEntry("automatic", false);
        assertThat(workNote(posting, ServiceNowPort.State.CLOSED_COMPLETE)).contains("efter gennemgang i bogholderiet");
    }

    @Test
    void aRequesterWhoIsNotLoggedInIsRefusedThroughTheAssigneeToo() {
        ProcessInstance posting = start("2027-03-15", line("44120000", "1010101010", "250000.00", "I25"),
                line("44120000", "1010202020", "-250000.00", "I25"));
        execute(job(posting));

        taskService.setAssignee(task(posting).getId(), "anna");
        assertThatThrownBy(() -> taskService.complete(task(posting).getId(), Map.of("approved", true)))
                .hasMessageContaining("selv har anmodet om");
        assertThat(posting).isWaitingAt("Task_Review");
    }

    @Test
    void aReviewerRejectionNeedsACommentAndEndsTheCaseRejected() {
        ProcessInstance posting = start("2027-03-15", line("44120000", "1010101010", "200000.00", "I25"),
                line("44120000", "1010202020", "-200000.00", "I25"));
        execute(job(posting));

        logInAs("bo");
        rejectWithComment(task(posting), Map.of("approved", false), "Forkert omkostningssted");
        identityService.clearAuthentication();

        assertThat(posting).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_ReviewRejected");
        execute(job(posting));
        assertThat(posting).isEnded().hasNotPassed("Task_PostJournal").variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("REJECTED_BY_REVIEWER"));
        verify(opusOekonomi, never()).postJournal(any(), anyString());
        assertThat(workNote(posting, ServiceNowPort.State.CLOSED_INCOMPLETE))
                .contains("Udfald: Afvist. Begrundelse: Afvist ved gennemgang.");
    }

    @Test
    void opusRefusingTheJournalEndsTheCaseRejectedWithOpusReason() {
        when(opusOekonomi.postJournal(any(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 422, "PERIOD_CLOSED", "opus answered 422"));
        ProcessInstance posting = start("2027-03-15", line("44120000", "1010101010", "10.00", "I25"),
                line("44120000", "1010202020", "-10.00", "I25"));
        execute(job(posting));
        execute(job(posting));

        assertThat(posting).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_OpusRefused");
        execute(job(posting));
        assertThat(posting).isEnded().variables().containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("PERIOD_CLOSED"));
    }

    @ParameterizedTest(name = "debit {0} kr.: reviewed by {1}")
    @CsvSource({"0, ''", "100000, ''", "100000.01, bogholderi", "5000000, bogholderi"})
    void theDecisionTableReviewsDebitsAboveOneHundredThousand(double debitTotal, String group) {
        List<Object> groups = decisionService.evaluateDecisionTableByKey("posting-review", Map.of("debitTotal", debitTotal))
                .collectEntries("reviewerGroup");
        assertThat(groups).containsExactlyElementsOf(group.isEmpty() ? List.of() : List.of(group));
    }

    @Test
    void theDecisionTableListsEveryValidationOfTheContract() {
        assertThat(decisionService.evaluateDecisionTableByKey("posting-validations", Map.of()).collectEntries("validation"))
                .containsExactly("TOO_FEW_LINES", "UNBALANCED", "UNKNOWN_ACCOUNT", "INACTIVE_COST_CENTER", "PERIOD_CLOSED", "INVALID_VAT_CODE");
    }

    @Test
    void aValidationRemovedFromTheDecisionTableNoLongerApplies() throws IOException {
        String withoutPeriod = resource("/posting-validations.dmn")
                .replaceAll("(?s)<rule id=\"Rule_period_closed\">.*?</rule>", "");
        Deployment deployment = repositoryService.createDeployment().name("Procesejer: uden periodekontrol")
                .addString("posting-validations.dmn", withoutPeriod).deploy();
        try {
            ProcessInstance posting = start("2026-01-31", line("44120000", "1010101010", "10.00", "I25"),
                    line("44120000", "1010202020", "-10.00", "I25"));
            execute(job(posting));
            assertThat(posting).isWaitingAt("Task_PostJournal");
            verify(opusOekonomi, never()).periodOpen(any());
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        ProcessInstance afterwards = start("2026-01-31", line("44120000", "1010101010", "10.00", "I25"),
                line("44120000", "1010202020", "-10.00", "I25"));
        execute(job(afterwards));
        assertThat(afterwards).isWaitingAt("Task_UpdateServiceNow").variables().containsEntry("reasons", List.of("PERIOD_CLOSED"));
    }

    @Test
    void aChangedDecisionTableChangesTheReviewThresholdWithoutJavaChanges() throws IOException {
        String changed = resource("/posting-review.dmn").replace("&gt; 100000", "&gt; 5000");
        Deployment deployment = repositoryService.createDeployment().name("Procesejer: lavere grænse")
                .addString("posting-review.dmn", changed).deploy();
        try {
            ProcessInstance posting = start("2027-03-15", line("44120000", "1010101010", "6000.00", "I25"),
                    line("44120000", "1010202020", "-6000.00", "I25"));
            execute(job(posting));
            assertThat(posting).isWaitingAt("Task_Review");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    private ProcessInstance start(String postingDate, PostingLine... lines) {
        PostingRequest request = new PostingRequest(newRitm(), "anna",
                LocalDate.parse(postingDate), "Omkontering af husleje", List.of(lines));
        return startCase(caseType, request);
    }

    private static PostingLine line(String account, String costCenter, String amount, String vatCode) {
        return new PostingLine(account, costCenter, new BigDecimal(amount), vatCode, "tekst");
    }

    private void decideAs(String user, ProcessInstance instance, Map<String, Object> decision) {
        logInAs(user);
        taskService.complete(task(instance).getId(), decision);
        identityService.clearAuthentication();
    }

    private String storedLines(ProcessInstance instance) {
        return ((org.camunda.bpm.engine.variable.value.SerializableValue) historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("lines").disableCustomObjectDeserialization().singleResult()
                .getTypedValue()).getValueSerialized();
    }
}
