package dk.kk.ks.flow.servicecontract;

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

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister.ServiceContract;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.support.ProcessTestCase;

class ServiceContractRegulationProcessTest extends ProcessTestCase {

    private static final String CONTRACT = "SK-2027-0042";

    @Autowired
    ServiceContractRegulationCaseType caseType;

    @BeforeEach
    void registerAndOpusAnswer() {
        contract("BUF", "450.00", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        when(opusOekonomi.postInternalSettlement(any(), anyString())).thenReturn(new OpusOekonomiPort.Document("4900000042"));
    }

    @Test
    void aSmallRegulationIsPostedAutomaticallyOnceWithTheCaseAndActivityAsKey() {
        ProcessInstance regulation = start("2027-04-01", -3);

        assertThat(regulation).isWaitingAt("Task_AssessContract");
        execute(job(regulation));
        assertThat(regulation).isWaitingAt("Task_PostSettlement").hasPassed("Task_DetermineReview").hasNotPassed("Task_Review");
        execute(job(regulation));
        assertThat(regulation).isWaitingAt("Task_UpdateServiceNow");
        execute(job(regulation));

        assertThat(regulation).isEnded().variables()
                .containsEntry("outcome", "POSTED")
                .containsEntry("amount", -12150.0)
                .containsEntry("reviewerGroups", List.of())
                .containsEntry("opusDocumentNumber", "4900000042");
        ArgumentCaptor<OpusOekonomiPort.InternalSettlement> settlement = ArgumentCaptor.forClass(OpusOekonomiPort.InternalSettlement.class);
        verify(opusOekonomi).postInternalSettlement(settlement.capture(), eq(regulation.getId() + ":Task_PostSettlement"));
        assertThat(settlement.getValue()).isEqualTo(new OpusOekonomiPort.InternalSettlement(CONTRACT, "BUF", LocalDate.of(2027, 4, 1), -3,
                new BigDecimal("450.00"), 9, new BigDecimal("-12150.00"), "Regulering af servicekontrakt SK-2027-0042: Færre medarbejdere",
                regulation.getBusinessKey()));
        assertThat(caseType.result(historicVariables(regulation)))
                .containsEntry("amount", new BigDecimal("-12150.00")).containsEntry("automatic", true);
        assertThat(workNote(regulation, ServiceNowPort.State.CLOSED_COMPLETE))
                .contains("Udfald: Bogført.")
                .contains("Beløb: -12.150,00 kr. (-3 x 450,00 kr. x 9 mdr.)")
                .contains("Bogført automatisk i Opus Økonomi som bilag 4900000042");
    }

    @Test
    void aLargeRegulationWaitsForKsOekonomiThenIsPosted() {
        ProcessInstance regulation = start("2027-01-01", 10); // 10 x 450 x 12 = 54,000
        execute(job(regulation));

        assertThat(regulation).isWaitingAt("Task_Review");
        assertThat(task(regulation)).hasCandidateGroup("ks-oekonomi").hasName("Gennemgå regulering");
        verify(opusOekonomi, never()).postInternalSettlement(any(), anyString());

        decideAs("bo", regulation, Map.of("approved", true));

        assertThat(regulation).isWaitingAt("Task_PostSettlement");
        execute(job(regulation));
        execute(job(regulation));
        assertThat(regulation).isEnded().variables()
                .containsEntry("outcome", "POSTED").containsEntry("reviewedBy", "bo").containsEntry("amount", 54000.0);
        assertThat(caseType.result(historicVariables(regulation))).containsEntry("automatic", false);
        assertThat(workNote(regulation, ServiceNowPort.State.CLOSED_COMPLETE)).contains("Bogført efter gennemgang");
    }

    @Test
    void aLargeReductionIsReviewedToo() {
        ProcessInstance regulation = start("2027-01-01", -10);
        execute(job(regulation));

        assertThat(regulation).isWaitingAt("Task_Review").variables().containsEntry("amount", -54000.0);
    }

    @Test
    void aRejectionNeedsACommentAndEndsTheCaseRejectedWithoutPosting() {
        ProcessInstance regulation = start("2027-01-01", 10);
        execute(job(regulation));

        logInAs("bo");
        assertThatThrownBy(() -> taskService.complete(task(regulation).getId(), Map.of()))
                .hasMessageContaining("Vælg godkend eller afvis");
        rejectWithComment(task(regulation), Map.of("approved", false), "Forkert antal");
        identityService.clearAuthentication();

        assertThat(regulation).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_ReviewRejected");
        execute(job(regulation));
        assertThat(regulation).isEnded().hasNotPassed("Task_PostSettlement").variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("REJECTED_BY_REVIEWER"));
        verify(opusOekonomi, never()).postInternalSettlement(any(), anyString());
        assertThat(workNote(regulation, ServiceNowPort.State.CLOSED_INCOMPLETE))
                .contains("Udfald: Afvist. Begrundelse: Afvist ved gennemgang.");
    }

    @Test
    void anUnknownContractIsRejectedWithNoOtherReasonAndNoAmount() {
        when(contractRegister.find(CONTRACT)).thenReturn(Optional.empty());
        ProcessInstance regulation = start("2027-04-01", -3);
        execute(job(regulation));

        assertThat(regulation).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_ContractRejected").hasNotPassed("Task_DetermineReview");
        execute(job(regulation));
        assertThat(regulation).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("UNKNOWN_CONTRACT"))
                .doesNotContainKey("amount");
        assertThat(caseType.result(historicVariables(regulation))).containsEntry("amount", null).containsEntry("automatic", true);
        verify(opusOekonomi, never()).postInternalSettlement(any(), anyString());
        assertThat(workNote(regulation, ServiceNowPort.State.CLOSED_INCOMPLETE))
                .contains("Begrundelse: Servicekontrakten findes ikke i kontraktregistret.");
    }

    @Test
    void anInactiveContractOfAnotherDepartmentIsRejectedWithBothReasons() {
        contract("SUF", "450.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        ProcessInstance regulation = start("2027-04-01", -3);
        execute(job(regulation));
        execute(job(regulation));

        assertThat(regulation).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("CONTRACT_INACTIVE", "WRONG_DEPARTMENT"));
        assertThat(workNote(regulation, ServiceNowPort.State.CLOSED_INCOMPLETE))
                .contains("Servicekontrakten er ikke aktiv på ikrafttrædelsesdatoen; "
                        + "Servicekontrakten tilhører en anden forvaltning.");
        verify(opusOekonomi, never()).postInternalSettlement(any(), anyString());
    }

    @Test
    void opusRefusingTheSettlementEndsTheCaseRejectedWithOpusReason() {
        when(opusOekonomi.postInternalSettlement(any(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 422, "PERIOD_CLOSED", "opus answered 422"));
        ProcessInstance regulation = start("2027-04-01", -3);
        execute(job(regulation));
        execute(job(regulation));

        assertThat(regulation).isWaitingAt("Task_UpdateServiceNow").hasPassed("Event_OpusRefused");
        execute(job(regulation));
        assertThat(regulation).isEnded().variables()
                .containsEntry("outcome", "REJECTED").containsEntry("reasons", List.of("PERIOD_CLOSED"));
    }

    @Test
    void anOpusOutageIsRetriedByTheEngineWithTheSameKeyAndPostsOnce() {
        when(opusOekonomi.postInternalSettlement(any(), anyString()))
                .thenThrow(new ExternalSystemUnavailableException("opus", 503, "opus answered 503"))
                .thenReturn(new OpusOekonomiPort.Document("4900000043"));
        ProcessInstance regulation = start("2027-04-01", -3);
        execute(job(regulation));

        Job posting = job(regulation);
        assertThatThrownBy(() -> processEngine.getManagementService().executeJob(posting.getId())).hasMessageContaining("503");
        Job retried = job(regulation);
        assertThat(retried.getRetries()).as("retries left").isPositive();
        assertThat(retried.getExceptionMessage()).contains("503");
        assertThat(regulation).isWaitingAt("Task_PostSettlement");

        execute(retried);
        execute(job(regulation));
        assertThat(regulation).isEnded().variables().containsEntry("outcome", "POSTED").containsEntry("opusDocumentNumber", "4900000043");
        verify(opusOekonomi, times(2)).postInternalSettlement(any(), eq(regulation.getId() + ":Task_PostSettlement"));
    }

    @ParameterizedTest(name = "{0} kr.: reviewed by {1}")
    @CsvSource({"0, ''", "50000, ''", "-50000, ''", "50000.01, ks-oekonomi", "-50000.01, ks-oekonomi", "1000000, ks-oekonomi"})
    void theDecisionTableReviewsAmountsNumericallyAboveFiftyThousand(double amount, String group) {
        List<Object> groups = decisionService.evaluateDecisionTableByKey("service-contract-regulation-review", Map.of("amount", amount))
                .collectEntries("reviewerGroup");
        assertThat(groups).containsExactlyElementsOf(group.isEmpty() ? List.of() : List.of(group));
    }

    @Test
    void aChangedDecisionTableChangesTheThresholdWithoutJavaChanges() throws IOException {
        String changed = resource("/service-contract-regulation-review.dmn").replace("&lt; -50000, &gt; 50000", "&lt; -10000, &gt; 10000");
        Deployment deployment = repositoryService.createDeployment().name("Procesejer: lavere grænse")
                .addString("service-contract-regulation-review.dmn", changed).deploy();
        try {
            ProcessInstance regulation = start("2027-04-01", -3);
            execute(job(regulation));
            assertThat(regulation).isWaitingAt("Task_Review");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        ProcessInstance afterwards = start("2027-04-01", -3);
        execute(job(afterwards));
        assertThat(afterwards).isWaitingAt("Task_PostSettlement");
    }

    private ProcessInstance start(String effectiveFrom, int quantityChange) {
        ServiceContractRegulationRequest request = new ServiceContractRegulationRequest(
                newRitm(), CONTRACT, "BUF", LocalDate.parse(effectiveFrom),
                BigDecimal.valueOf(quantityChange), "Færre medarbejdere");
        return startCase(caseType, request);
    }

    private void contract(String department, String unitPrice, LocalDate from, LocalDate to) {
        when(contractRegister.find(CONTRACT))
                .thenReturn(Optional.of(new ServiceContract(CONTRACT, department, new BigDecimal(unitPrice), from, to)));
    }

    private void decideAs(String user, ProcessInstance instance, Map<String, Object> decision) {
        logInAs(user);
        taskService.complete(task(instance).getId(), decision);
        identityService.clearAuthentication();
    }
}
