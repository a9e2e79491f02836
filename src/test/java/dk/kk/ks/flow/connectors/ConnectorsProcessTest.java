package dk.kk.ks.flow.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.camunda.spin.plugin.variable.SpinValues;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;
import dk.kk.ks.flow.integration.edoc.EdocPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;
import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * Each connector in a one-task diagram built here, configured only by input parameters as an element
 * template would configure it, with the ports mocked: inputs reach the port, the result lands in the named
 * variable, writes carry the idempotency key, and a refusal becomes a BPMN error with the system's code.
 */
class ConnectorsProcessTest extends ProcessTestCase {

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> processEngine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void serviceNowReadWritesTheRecordToTheResultVariable() {
        when(serviceNow.findByNumber("RITM0000001"))
                .thenReturn(Optional.of(new ServiceNowPort.ServiceNowRecord("abc", "RITM0000001", "2")));
        ProcessInstance instance = run("serviceNowReadConnector", false, task -> task
                .camundaInputParameter("number", "RITM0000001").camundaInputParameter("resultVariable", "sag"));
        @SuppressWarnings("unchecked")
        Map<String, Object> sag = (Map<String, Object>) variable(instance, "sag");
        assertThat(sag).containsEntry("found", true).containsEntry("state", "2").containsEntry("sysId", "abc");
    }

    @Test
    void serviceNowQueryWritesTheRecordsWithoutWorkNotes() {
        when(serviceNow.query("sc_req_item", "state=3", 100)).thenReturn(List.of(
                Map.of("number", "RITM0000001", "work_notes", "intern note"), Map.of("number", "RITM0000002")));
        ProcessInstance instance = run("serviceNowQueryConnector", false, task -> task
                .camundaInputParameter("table", "sc_req_item").camundaInputParameter("query", "state=3")
                .camundaInputParameter("resultVariable", "sager"));
        assertThat(variable(instance, "sager")).isEqualTo(List.of(Map.of("number", "RITM0000001"), Map.of("number", "RITM0000002")));
    }

    @Test
    void serviceNowUpdateSetsStateAndWorkNoteWithTheIdempotencyKey() {
        ProcessInstance instance = run("serviceNowUpdateConnector", true, task -> task
                .camundaInputParameter("number", "RITM0000001").camundaInputParameter("state", "CLOSED_COMPLETE")
                .camundaInputParameter("workNote", "Afsluttet af KS Flow"));
        verify(serviceNow).update("RITM0000001", ServiceNowPort.State.CLOSED_COMPLETE, "Afsluttet af KS Flow",
                instance.getId() + ":Task_Connector");
    }

    @Test
    void aRefusalBecomesABpmnErrorWithTheSystemsCode() {
        org.mockito.Mockito.doThrow(new ExternalRejectionException("servicenow", 404, "RECORD_NOT_FOUND", "no record"))
                .when(serviceNow).update(anyString(), any(), anyString(), anyString());
        ProcessInstance instance = run("serviceNowUpdateConnector", true, task -> task
                .camundaInputParameter("number", "RITM0000009").camundaInputParameter("state", "CLOSED_COMPLETE")
                .camundaInputParameter("workNote", "x"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("End_Error").count()).isEqualTo(1);
        assertThat(variable(instance, "fejlkode")).isEqualTo("RECORD_NOT_FOUND");
    }

    @Test
    void aMissingRequiredInputIsAnIncidentNotABpmnError() {
        ProcessInstance instance = run("serviceNowUpdateConnector", true, task -> task
                .camundaInputParameter("number", "RITM0000001").camundaInputParameter("state", "CLOSED_COMPLETE"));
        Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("workNote");
        verify(serviceNow, never()).update(anyString(), any(), anyString(), anyString());
    }

    @Test
    void theWriteBackClosesTheRecordByTheOutcomeWithADanishWorkNote() {
        ProcessInstance instance = run("serviceNowWriteBack", true, task -> task
                .camundaInputParameter("number", "RITM0000001").camundaInputParameter("outcome", "REJECTED"));
        verify(serviceNow).update(eq("RITM0000001"), eq(ServiceNowPort.State.CLOSED_INCOMPLETE),
                eq("KS Flow har afsluttet sagen (" + instance.getId() + "). Udfald: Afvist."), eq(instance.getId() + ":Task_Connector"));
    }

    @Test
    void aRefusedWriteBackIsAnIncidentNotABpmnError() {
        org.mockito.Mockito.doThrow(new ExternalRejectionException("servicenow", 404, "RECORD_NOT_FOUND", "no record"))
                .when(serviceNow).update(anyString(), any(), anyString(), anyString());
        ProcessInstance instance = run("serviceNowWriteBack", true, task -> task
                .camundaInputParameter("number", "RITM0000009").camundaInputParameter("outcome", "PAID"));
        Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("RECORD_NOT_FOUND");
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("End_Error").count()).isZero();
    }

    @Test
    void opusEmployeeLeavesOutTheCprNumber() {
        when(opusLon.employee("E1")).thenReturn(Optional.of(employee("E1", LocalDate.of(2026, 11, 30))));
        ProcessInstance instance = run("opusEmployeeConnector", false, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("resultVariable", "medarbejder"));
        @SuppressWarnings("unchecked")
        Map<String, Object> medarbejder = (Map<String, Object>) variable(instance, "medarbejder");
        assertThat(medarbejder).containsEntry("found", true).containsEntry("endDate", "2026-11-30").doesNotContainKey("cpr");
        assertThat(medarbejder.values()).doesNotContain("0101901234");
    }

    @Test
    void opusEmployeeKeepsOnlyTheFieldsTheStepNamesSoNoSalaryIsStoredWhereNoRuleReadsIt() {
        when(opusLon.employee("E1")).thenReturn(Optional.of(employee("E1", LocalDate.of(2026, 11, 30))));
        ProcessInstance instance = run("opusEmployeeConnector", false, task -> task.camundaInputParameter("employeeNumber", "E1")
                .camundaInputParameter("fields", "name, probation").camundaInputParameter("resultVariable", "medarbejder"));
        assertThat(variable(instance, "medarbejder")).isEqualTo(Map.of("found", true, "name", "Mette Jensen", "probation", false));

        ProcessInstance misspelt = run("opusEmployeeConnector", true, task -> task.camundaInputParameter("employeeNumber", "E1")
                .camundaInputParameter("fields", "name,salary").camundaInputParameter("resultVariable", "medarbejder"));
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(misspelt.getId()).singleResult()
                .getIncidentMessage()).contains("salary");
    }

    @Test
    void opusTerminationReadGivesTheEndDateOrEmpty() {
        when(opusLon.employee("E1")).thenReturn(Optional.of(employee("E1", LocalDate.of(2026, 11, 30))));
        when(opusLon.employee("E2")).thenReturn(Optional.of(employee("E2", null)));
        ProcessInstance registered = run("opusTerminationReadConnector", false, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("resultVariable", "fratraedelse"));
        ProcessInstance none = run("opusTerminationReadConnector", false, task -> task
                .camundaInputParameter("employeeNumber", "E2").camundaInputParameter("resultVariable", "fratraedelse"));
        ProcessInstance unknown = run("opusTerminationReadConnector", false, task -> task
                .camundaInputParameter("employeeNumber", "E3").camundaInputParameter("resultVariable", "fratraedelse"));
        assertThat(variable(registered, "fratraedelse")).isEqualTo("2026-11-30");
        assertThat(variable(none, "fratraedelse")).isEqualTo("");
        assertThat(variable(unknown, "fratraedelse")).isEqualTo("");
    }

    @Test
    void opusTerminationRegistersWithTheIdempotencyKey() {
        ProcessInstance instance = run("opusTerminationConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("terminationDate", "2026-12-31")
                .camundaInputParameter("reason", "EGEN_OPSIGELSE"));
        verify(opusLon).registerTermination("E1", new OpusLonPort.Termination(LocalDate.of(2026, 12, 31), "EGEN_OPSIGELSE"),
                instance.getId() + ":Task_Connector");
    }

    @Test
    void opusOneOffPaymentRegistersTheLinesWithTheIdempotencyKey() {
        when(opusLon.registerOneOffPayment(any(), anyString())).thenReturn(new OpusLonPort.Registration(2, 0));
        ProcessInstance instance = run("opusOneOffPaymentConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("lines", """
                        [{"lineKey": "k1", "wageType": "3101", "date": "2027-03-26", "hours": 4.00, "amount": 351.20},
                         {"lineKey": "k2", "wageType": "4201", "date": "2027-03-31", "hours": 3.12, "amount": -4800.00}]"""));
        verify(opusLon).registerOneOffPayment(new OpusLonPort.OneOffPayment("E1", "RITM0000001", List.of(
                new OpusLonPort.OneOffPaymentLine("k1", "3101", LocalDate.of(2027, 3, 26), new BigDecimal("4.00"), new BigDecimal("351.20")),
                new OpusLonPort.OneOffPaymentLine("k2", "4201", LocalDate.of(2027, 3, 31), new BigDecimal("3.12"), new BigDecimal("-4800.00")))),
                instance.getId() + ":Task_Connector");
    }

    @Test
    void opusOneOffPaymentReadsAJsonVariableAndRegistersNothingForNoLines() {
        ProcessInstance none = run("opusOneOffPaymentConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("lines", "${linjer}"),
                Map.of("linjer", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]").create()));
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(none.getId()).activityIdIn("Task_Wait")
                .count()).isEqualTo(1);
        verify(opusLon, never()).registerOneOffPayment(any(), anyString());

        run("opusOneOffPaymentConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000002")
                .camundaInputParameter("lines", "${linjer}"),
                Map.of("linjer", org.camunda.spin.plugin.variable.SpinValues.jsonValue("""
                        [{"lineKey": "k3", "wageType": "3103", "date": "2027-03-27", "hours": 14.00, "amount": 1109.85}]""").create()));
        ArgumentCaptor<OpusLonPort.OneOffPayment> payment = ArgumentCaptor.forClass(OpusLonPort.OneOffPayment.class);
        verify(opusLon).registerOneOffPayment(payment.capture(), anyString());
        assertThat(payment.getValue().reference()).isEqualTo("RITM0000002");
        assertThat(payment.getValue().lines()).singleElement().satisfies(line -> {
            assertThat(line.wageType()).isEqualTo("3103");
            assertThat(line.amount()).isEqualByComparingTo("1109.85");
        });
    }

    @Test
    void opusOneOffPaymentRefusedWithARefusalErrorCodeEndsTheCaseRejected() {
        org.mockito.Mockito.doThrow(new ExternalRejectionException("opus", 422, "UNKNOWN_WAGE_TYPE", "no such wage type"))
                .when(opusLon).registerOneOffPayment(any(), anyString());
        ProcessInstance instance = run("opusOneOffPaymentConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("lines", "[{\"lineKey\": \"k1\", \"wageType\": \"9999\", \"date\": \"2027-03-26\", \"hours\": 1, \"amount\": 10}]")
                .camundaInputParameter("refusalErrorCode", "OPUS_AFVIST"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("End_Error").count()).isEqualTo(1);
        assertThat(variable(instance, "fejlkode")).isEqualTo("OPUS_AFVIST");
        assertThat(variable(instance, "outcome")).isEqualTo("REJECTED");
        assertThat(variable(instance, "reasons")).isEqualTo(List.of("UNKNOWN_WAGE_TYPE"));
    }

    @Test
    void opusOneOffPaymentRefusedWithoutARefusalErrorCodeIsABpmnErrorWithOpussCode() {
        org.mockito.Mockito.doThrow(new ExternalRejectionException("opus", 422, "UNKNOWN_WAGE_TYPE", "no such wage type"))
                .when(opusLon).registerOneOffPayment(any(), anyString());
        ProcessInstance instance = run("opusOneOffPaymentConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("lines", "[{\"lineKey\": \"k1\", \"wageType\": \"9999\", \"date\": \"2027-03-26\", \"hours\": 1, \"amount\": 10}]"));
        assertThat(variable(instance, "fejlkode")).isEqualTo("UNKNOWN_WAGE_TYPE");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("outcome").count()).isZero();
    }

    @Test
    void opusOneOffPaymentLinesThatAreNoLinesAreAnIncident() {
        ProcessInstance instance = run("opusOneOffPaymentConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("lines", "[{\"wageType\": \"3101\"}]"));
        Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("lines");
        verify(opusLon, never()).registerOneOffPayment(any(), anyString());
    }

    @Test
    void edocCreateCaseAndJournalise() {
        when(edoc.createPersonnelCase(eq("Personalesag"), any(), anyString())).thenReturn("SAG-1");
        when(edoc.journalise(eq("SAG-1"), any(), anyString())).thenReturn("DOK-1");
        when(opusLon.employee("E1")).thenReturn(Optional.of(employee("E1", null)));
        ProcessInstance created = run("edocCreateCaseConnector", true, task -> task
                .camundaInputParameter("title", "Personalesag").camundaInputParameter("employeeNumber", "E1")
                .camundaInputParameter("resultVariable", "sagsnummer"));
        assertThat(variable(created, "sagsnummer")).isEqualTo("SAG-1");
        verify(edoc).createPersonnelCase("Personalesag", new EdocPort.Party("0101901234", "Mette Jensen"), created.getId() + ":Task_Connector");

        ProcessInstance journalised = run("edocJournaliseConnector", true, task -> task
                .camundaInputParameter("caseNumber", "SAG-1").camundaInputParameter("title", "Notat")
                .camundaInputParameter("documentType", "Notat").camundaInputParameter("filename", "notat.txt")
                .camundaInputParameter("content", "Tekst").camundaInputParameter("resultVariable", "dokumentId"));
        assertThat(variable(journalised, "dokumentId")).isEqualTo("DOK-1");
        ArgumentCaptor<EdocPort.NewDocument> document = ArgumentCaptor.forClass(EdocPort.NewDocument.class);
        verify(edoc).journalise(eq("SAG-1"), document.capture(), eq(journalised.getId() + ":Task_Connector"));
        assertThat(new String(document.getValue().content(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Tekst");
    }

    @Test
    void digitalPostSendsTheLetter() {
        when(digitalPost.send(any(), anyString())).thenReturn("MSG-1");
        ProcessInstance instance = run("digitalPostSendConnector", true, task -> task
                .camundaInputParameter("recipientId", "12345678").camundaInputParameter("recipientType", "CVR")
                .camundaInputParameter("label", "Underretning").camundaInputParameter("document", "%PDF")
                .camundaInputParameter("filename", "brev.pdf").camundaInputParameter("resultVariable", "beskedId"));
        assertThat(variable(instance, "beskedId")).isEqualTo("MSG-1");
        ArgumentCaptor<DigitalPostPort.Letter> letter = ArgumentCaptor.forClass(DigitalPostPort.Letter.class);
        verify(digitalPost).send(letter.capture(), eq(instance.getId() + ":Task_Connector"));
        assertThat(letter.getValue().recipientIdType()).isEqualTo(DigitalPostPort.IdType.CVR);
        assertThat(letter.getValue().legalNotification()).isFalse();
    }

    @Test
    void digitalPostToAnEmployeeReadsTheCprFromOpus() {
        when(opusLon.employee("E1")).thenReturn(Optional.of(employee("E1", null)));
        when(digitalPost.send(any(), anyString())).thenReturn("MSG-2");
        ProcessInstance instance = run("digitalPostSendConnector", true, task -> task
                .camundaInputParameter("recipientId", "E1").camundaInputParameter("recipientType", "EMPLOYEE")
                .camundaInputParameter("label", "Afgørelse").camundaInputParameter("legalNotification", "true")
                .camundaInputParameter("document", "%PDF").camundaInputParameter("filename", "brev.pdf")
                .camundaInputParameter("resultVariable", "beskedId"));
        ArgumentCaptor<DigitalPostPort.Letter> letter = ArgumentCaptor.forClass(DigitalPostPort.Letter.class);
        verify(digitalPost).send(letter.capture(), eq(instance.getId() + ":Task_Connector"));
        assertThat(letter.getValue().recipientId()).isEqualTo("0101901234");
        assertThat(letter.getValue().recipientIdType()).isEqualTo(DigitalPostPort.IdType.CPR);
        assertThat(letter.getValue().recipientName()).isEqualTo("Mette Jensen");
        assertThat(letter.getValue().legalNotification()).isTrue();
    }

    @Test
    void anEmployeeOpusDoesNotKnowIsABpmnErrorTheDiagramCanCatch() {
        when(opusLon.employee("E9")).thenReturn(Optional.empty());
        ProcessInstance instance = run("edocCreateCaseConnector", true, task -> task
                .camundaInputParameter("title", "Personalesag").camundaInputParameter("employeeNumber", "E9")
                .camundaInputParameter("resultVariable", "sagsnummer"));
        assertThat(variable(instance, "fejlkode")).isEqualTo("EMPLOYEE_NOT_FOUND");
        verify(edoc, never()).createPersonnelCase(any(), any(), any());
    }

    @Test
    void cardIssuerBlocksEveryOpenCardWithAKeyPerCard() {
        when(cardIssuer.cardsOf("E1")).thenReturn(List.of(card("K1"), card("K2"), blocked("K0", "RITM0000000")));
        when(cardIssuer.block(anyString(), anyString(), anyString()))
                .thenAnswer(call -> blocked(call.getArgument(0), call.getArgument(1)));
        ProcessInstance instance = run("cardIssuerBlockConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("resultVariable", "spaerredeKort"));
        assertThat(variable(instance, "spaerredeKort")).isEqualTo(List.of("K1", "K2"));
        verify(cardIssuer).block("K1", "RITM0000001", instance.getId() + ":Task_Connector:K1");
        verify(cardIssuer).block("K2", "RITM0000001", instance.getId() + ":Task_Connector:K2");
    }

    @Test
    void aCardAlreadyBlockedWithTheSameReferenceCountsAsBlockedAndIsNotBlockedAgain() {
        // An earlier attempt blocked K1, then its transaction was rolled back; the job is retried.
        when(cardIssuer.cardsOf("E1")).thenReturn(List.of(blocked("K1", "RITM0000001")));
        ProcessInstance instance = run("cardIssuerBlockConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("resultVariable", "spaerredeKort"));
        assertThat(variable(instance, "spaerredeKort")).isEqualTo(List.of("K1"));
        verify(cardIssuer, never()).block(anyString(), anyString(), anyString());
    }

    @Test
    void anIssuerThatDoesNotBlockIsAnIncidentNotASilentSuccess() {
        when(cardIssuer.cardsOf("E1")).thenReturn(List.of(card("K1")));
        when(cardIssuer.block(anyString(), anyString(), anyString())).thenAnswer(call -> card(call.getArgument(0)));
        ProcessInstance instance = run("cardIssuerBlockConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("reference", "RITM0000001")
                .camundaInputParameter("resultVariable", "spaerredeKort"));
        Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("K1");
    }

    @Test
    void cardIssuerOrdersACardWithTheLimitInOereAndTheKey() {
        when(cardIssuer.order(any(), anyString())).thenAnswer(call -> {
            CardIssuerPort.CardOrder order = call.getArgument(0);
            return new CardIssuerPort.Card("K7", order.employeeNumber(), order.monthlyLimit(), CardIssuerPort.CardStatus.OPEN,
                    order.reference(), null);
        });
        ProcessInstance instance = run("cardIssuerOrderConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("monthlyLimit", "${20000.5}")
                .camundaInputParameter("reference", "RITM0000001").camundaInputParameter("resultVariable", "kortId"));
        assertThat(variable(instance, "kortId")).isEqualTo("K7");
        verify(cardIssuer).order(new CardIssuerPort.CardOrder("E1", new BigDecimal("20000.50"), "RITM0000001"),
                instance.getId() + ":Task_Connector");
    }

    @Test
    void aRefusedOrderIsTheIssuersCodeAsABpmnError() {
        org.mockito.Mockito.doThrow(new ExternalRejectionException("cardissuer", 422, "LIMIT_ABOVE_MAXIMUM", "too high"))
                .when(cardIssuer).order(any(), anyString());
        ProcessInstance instance = run("cardIssuerOrderConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("monthlyLimit", "900000")
                .camundaInputParameter("reference", "RITM0000001").camundaInputParameter("resultVariable", "kortId"));
        assertThat(variable(instance, "fejlkode")).isEqualTo("LIMIT_ABOVE_MAXIMUM");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("outcome").count()).isZero();
    }

    @Test
    void aRefusedOrderEndsTheCaseRejectedWhenTheDiagramNamesTheErrorCode() {
        org.mockito.Mockito.doThrow(new ExternalRejectionException("cardissuer", 422, "LIMIT_ABOVE_MAXIMUM", "too high"))
                .when(cardIssuer).order(any(), anyString());
        ProcessInstance instance = run("cardIssuerOrderConnector", true, task -> task
                .camundaInputParameter("employeeNumber", "E1").camundaInputParameter("monthlyLimit", "900000")
                .camundaInputParameter("reference", "RITM0000001").camundaInputParameter("refusalErrorCode", "CARD_ORDER_REFUSED")
                .camundaInputParameter("resultVariable", "kortId"));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("End_Error").count()).isEqualTo(1);
        assertThat(variable(instance, "fejlkode")).isEqualTo("CARD_ORDER_REFUSED");
        assertThat(variable(instance, "outcome")).isEqualTo("REJECTED");
        assertThat(variable(instance, "reasons")).isEqualTo(List.of("LIMIT_ABOVE_MAXIMUM"));
    }

    /** Deploys start → connector → user task "Kontrol" (a wait state that keeps the variables), with an error boundary; runs it. */
    private ProcessInstance run(String bean, boolean async, Consumer<ServiceTaskBuilder> inputs) {
        return run(bean, async, inputs, Map.of());
    }

    /** As {@link #run(String, boolean, Consumer)}, the case started with these variables. */
    private ProcessInstance run(String bean, boolean async, Consumer<ServiceTaskBuilder> inputs, Map<String, Object> variables) {
        String key = "connector_" + bean + "_" + deployments.size();
        ServiceTaskBuilder task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent("Start").serviceTask("Task_Connector").camundaDelegateExpression("${" + bean + "}").camundaAsyncBefore(async);
        inputs.accept(task);
        BpmnModelInstance model = task.boundaryEvent("Error").errorEventDefinition().errorCodeVariable("fejlkode").errorEventDefinitionDone()
                .endEvent("End_Error")
                .moveToActivity("Task_Connector").userTask("Task_Wait").endEvent("End").done();
        deployments.add(processEngine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy().getId());
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(key, variables);
        if (async) {
            Job job = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
            for (int attempt = 0; attempt < 3 && job != null; attempt++) {
                try {
                    processEngine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    processEngine.getManagementService().setJobRetries(job.getId(), 0);
                }
                job = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().singleResult();
            }
        }
        return instance;
    }

    private Object variable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }

    private static OpusLonPort.Employee employee(String number, LocalDate endDate) {
        return new OpusLonPort.Employee(number, "Mette Jensen", "0101901234", "mettej", LocalDate.of(2015, 3, 1), endDate,
                new BigDecimal("420000"), "BUF", "E20001", BigDecimal.TEN, OpusLonPort.EmployeeType.OVERENSKOMST, false, true);
    }

    private static CardIssuerPort.Card card(String id) {
        return new CardIssuerPort.Card(id, "E1", new BigDecimal("5000"), CardIssuerPort.CardStatus.OPEN, "RITM0000000", null);
    }

    private static CardIssuerPort.Card blocked(String id, String blockReference) {
        return new CardIssuerPort.Card(id, "E1", new BigDecimal("5000"), CardIssuerPort.CardStatus.BLOCKED, "RITM0000000", blockReference);
    }


    @Test
    void opusDebitorRegistersThePayoutInKronerWithTheIdempotencyKey() {
        when(opusDebitor.register(any(), anyString())).thenReturn(new OpusDebitorPort.Payout("UDB5000001", "REGISTERED"));
        ProcessInstance instance = run("opusDebitorRegisterConnector", true, task -> payout(task)
                .camundaInputParameter("resultVariable", "opusPayoutId"), Map.of("amount", 12500.5));
        assertThat(variable(instance, "opusPayoutId")).isEqualTo("UDB5000001");
        verify(opusDebitor).register(new OpusDebitorPort.PayoutRequest("100234", "Jens Hansen", new BigDecimal("12500.50"),
                "Tilbagebetaling", "RITM0000001"), instance.getId() + ":Task_Connector");
    }

    /**
     * A step whose refusal nothing in the diagram catches: Camunda would end the execution quietly on a BPMN error, so
     * the refusal is a failure instead (retries, then an incident), with or without refusalErrorCode, and the case
     * neither moves on nor records an outcome.
     */
    @Test
    void aRefusalThatNoErrorEventCatchesIsAnIncidentNotAQuietEnd() {
        when(opusDebitor.register(any(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 422, "DEBTOR_BLOCKED", "Debitor 100234 er spærret"));
        for (String refusalErrorCode : new String[] {null, "PAYOUT_REFUSED"}) {
            String key = "connector_uncaught_" + deployments.size();
            ServiceTaskBuilder task = payout(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("Start")
                    .serviceTask("Task_Connector").camundaDelegateExpression("${opusDebitorRegisterConnector}").camundaAsyncBefore())
                    .camundaInputParameter("resultVariable", "opusPayoutId");
            if (refusalErrorCode != null) {
                task.camundaInputParameter("refusalErrorCode", refusalErrorCode);
            }
            deployments.add(processEngine.getRepositoryService().createDeployment()
                    .addModelInstance(key + ".bpmn", task.userTask("Task_Wait").endEvent("End").done()).deploy().getId());
            ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(key, Map.of("amount", 500.0));
            Job job = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
            assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job.getId()))
                    .hasMessageContaining("DEBTOR_BLOCKED").hasMessageContaining("no error event");
            processEngine.getManagementService().setJobRetries(job.getId(), 0);
            assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
            assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                    .as("the case is still running, at the step").isEqualTo(1);
            assertThat(historicVariable(instance, "outcome")).isNull();
        }
    }

    @Test
    void aRefusalWithoutRefusalErrorCodeIsABpmnErrorWithTheSystemsCodeAndLeavesTheOutcomeAlone() {
        when(opusDebitor.register(any(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 422, "DEBTOR_BLOCKED", "Debitor 100234 er spærret"));
        ProcessInstance instance = run("opusDebitorRegisterConnector", true, task -> payout(task)
                .camundaInputParameter("resultVariable", "opusPayoutId"), Map.of("amount", 500.0));
        assertThat(variable(instance, "fejlkode")).isEqualTo("DEBTOR_BLOCKED");
        assertThat(historicVariable(instance, "outcome")).isNull();
    }

    /** The sandbox's Opus Debitor refuses a blocked debtor with 422 DEBTOR_BLOCKED (as InvoicePayoutProcessTest has it). */
    @Test
    void refusalErrorCodeEndsTheCaseRejectedWithTheSystemsCodeAndThrowsTheNamedError() {
        when(opusDebitor.register(any(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 422, "DEBTOR_BLOCKED", "Debitor 100234 er spærret"));
        ProcessInstance instance = run("opusDebitorRegisterConnector", true, task -> payout(task)
                .camundaInputParameter("refusalErrorCode", "PAYOUT_REFUSED").camundaInputParameter("resultVariable", "opusPayoutId"), Map.of("amount", 500.0));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("End_Error").count()).isEqualTo(1);
        assertThat(variable(instance, "fejlkode")).isEqualTo("PAYOUT_REFUSED");
        assertThat(variable(instance, "outcome")).isEqualTo("REJECTED");
        assertThat(variable(instance, "reasons")).isEqualTo(List.of("DEBTOR_BLOCKED"));
        assertThat(historicVariable(instance, "opusPayoutId")).isNull();
    }

    @Test
    void opusDebitorReleasesAndCancelsByPayoutIdWithTheIdempotencyKey() {
        ProcessInstance released = run("opusDebitorReleaseConnector", true, task -> task.camundaInputParameter("payoutId", "UDB1"));
        ProcessInstance cancelled = run("opusDebitorCancelConnector", true, task -> task.camundaInputParameter("payoutId", "UDB2"));
        verify(opusDebitor).release("UDB1", released.getId() + ":Task_Connector");
        verify(opusDebitor).cancel("UDB2", cancelled.getId() + ":Task_Connector");
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(released.getId())
                .activityId("Task_Wait").count()).isEqualTo(1);
    }

    @Test
    void aRefusedReleaseIsAnIncidentNotABpmnError() {
        when(opusDebitor.release(anyString(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 409, "PAYOUT_CANCELLED", "Payout UDB1 is already CANCELLED"));
        ProcessInstance instance = run("opusDebitorReleaseConnector", true, task -> task.camundaInputParameter("payoutId", "UDB1"));
        Incident incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentMessage()).contains("PAYOUT_CANCELLED");
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("End_Error").count()).isZero();
    }

    @Test
    void opusOkonomiPostsAJournalFromTheNamedJsonVariableWithExactAmounts() {
        when(opusOekonomi.postJournal(any(), anyString())).thenReturn(new OpusOekonomiPort.Document("4900000007"));
        String lines = "[{\"account\":\"44120000\",\"costCenter\":\"1010101010\",\"amount\":100000.00,\"vatCode\":\"I25\",\"text\":\"Husleje\"},"
                + "{\"account\":\"44120000\",\"costCenter\":\"1010202020\",\"amount\":-100000.00,\"vatCode\":\"I25\",\"text\":null}]";
        ProcessInstance instance = run("opusOkonomiJournalConnector", true, task -> task
                        .camundaInputParameter("postingDate", "2027-03-15").camundaInputParameter("description", "Omkontering")
                        .camundaInputParameter("reference", "RITM0000001").camundaInputParameter("linesVariable", "lines")
                        .camundaInputParameter("resultVariable", "opusDocumentNumber"),
                Map.of("lines", SpinValues.jsonValue(lines).create()));
        assertThat(variable(instance, "opusDocumentNumber")).isEqualTo("4900000007");
        verify(opusOekonomi).postJournal(new OpusOekonomiPort.Journal(LocalDate.of(2027, 3, 15), "Omkontering", "RITM0000001", List.of(
                new OpusOekonomiPort.JournalLine("44120000", "1010101010", new BigDecimal("100000.00"), "I25", "Husleje"),
                new OpusOekonomiPort.JournalLine("44120000", "1010202020", new BigDecimal("-100000.00"), "I25", null))),
                instance.getId() + ":Task_Connector");
    }

    @Test
    void opusOkonomiPostsAnInternalSettlementAndARefusalCanEndTheCase() {
        when(opusOekonomi.postInternalSettlement(any(), anyString())).thenReturn(new OpusOekonomiPort.Document("4900000042"));
        Map<String, Object> variables = Map.of("quantityChange", -3, "unitPricePerMonth", 450.0, "months", 9, "amount", -12150.0);
        ProcessInstance posted = run("opusOkonomiSettlementConnector", true, task -> settlement(task), variables);
        assertThat(variable(posted, "opusDocumentNumber")).isEqualTo("4900000042");
        verify(opusOekonomi).postInternalSettlement(new OpusOekonomiPort.InternalSettlement("SK-2027-0042", "BUF", LocalDate.of(2027, 4, 1),
                -3, new BigDecimal("450.00"), 9, new BigDecimal("-12150.00"), "Regulering af servicekontrakt SK-2027-0042",
                "RITM0000001"), posted.getId() + ":Task_Connector");

        when(opusOekonomi.postInternalSettlement(any(), anyString()))
                .thenThrow(new ExternalRejectionException("opus", 422, "PERIOD_CLOSED", "opus answered 422"));
        ProcessInstance refused = run("opusOkonomiSettlementConnector", true, task -> settlement(task)
                .camundaInputParameter("refusalErrorCode", "OPUS_REFUSED"), variables);
        assertThat(variable(refused, "fejlkode")).isEqualTo("OPUS_REFUSED");
        assertThat(variable(refused, "outcome")).isEqualTo("REJECTED");
        assertThat(variable(refused, "reasons")).isEqualTo(List.of("PERIOD_CLOSED"));
    }

    @Test
    void serviceNowContractReadsTheRegisterOrSaysNotFound() {
        when(contractRegister.find("SK-2027-0042")).thenReturn(Optional.of(new dk.kk.ks.flow.integration.servicenow.ServiceContractRegister
                .ServiceContract("SK-2027-0042", "BUF", new BigDecimal("450.00"), LocalDate.of(2027, 1, 1), null)));
        ProcessInstance found = run("serviceNowContractConnector", true, task -> task
                .camundaInputParameter("contractNumber", "SK-2027-0042").camundaInputParameter("resultVariable", "kontrakt"));
        ProcessInstance unknown = run("serviceNowContractConnector", true, task -> task
                .camundaInputParameter("contractNumber", "SK-0").camundaInputParameter("resultVariable", "kontrakt"));
        @SuppressWarnings("unchecked")
        Map<String, Object> kontrakt = (Map<String, Object>) variable(found, "kontrakt");
        assertThat(kontrakt).containsEntry("found", true).containsEntry("department", "BUF").containsEntry("activeFrom", "2027-01-01")
                .containsEntry("activeTo", null);
        assertThat(new BigDecimal(kontrakt.get("unitPricePerMonth").toString())).isEqualByComparingTo("450.00");
        assertThat(variable(unknown, "kontrakt")).isEqualTo(Map.of("found", false));
    }

    private static ServiceTaskBuilder payout(ServiceTaskBuilder task) {
        return task.camundaInputParameter("debtorNumber", "100234").camundaInputParameter("payee", "Jens Hansen")
                .camundaInputParameter("amount", "${amount}").camundaInputParameter("reason", "Tilbagebetaling")
                .camundaInputParameter("caseReference", "RITM0000001");
    }

    /** The variable of the process (not an input of the task), or null when it was never set. */
    private Object historicVariable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream().filter(found -> instance.getId().equals(found.getActivityInstanceId()))
                .map(found -> found.getValue()).findFirst().orElse(null);
    }

    private static ServiceTaskBuilder settlement(ServiceTaskBuilder task) {
        return task.camundaInputParameter("contractNumber", "SK-2027-0042").camundaInputParameter("department", "BUF")
                .camundaInputParameter("effectiveFrom", "2027-04-01").camundaInputParameter("quantityChange", "${quantityChange}")
                .camundaInputParameter("unitPricePerMonth", "${unitPricePerMonth}").camundaInputParameter("months", "${months}")
                .camundaInputParameter("amount", "${amount}").camundaInputParameter("text", "Regulering af servicekontrakt SK-2027-0042")
                .camundaInputParameter("reference", "RITM0000001").camundaInputParameter("resultVariable", "opusDocumentNumber");
    }
}
