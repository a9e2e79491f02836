package dk.kk.ks.flow.paymentcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Payment cards from ServiceNow's POST through Tasklist's REST calls to the card issuer and back to
 * ServiceNow, over real HTTP with the sandbox. Each test uses employees and cards of its own (or, for the
 * seeded card, E20002's, which no other test closes), since the simulators outlive a test.
 */
class PaymentCardIntegrationTest extends IntegrationTestCase {

    @Autowired
    @Qualifier("cardIssuerBlockConnector")
    JavaDelegate blockConnector;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void leder1ApprovesAnOrderInTasklistAndTheIssuerOrdersTheCardExactlyOnceThroughTwoOutages() {
        String employeeNumber = newEmployee("E20001");
        String ref = newServiceNowRef("RITM");
        ResponseEntity<CaseView> created = createCase("payment-cards", order(ref, employeeNumber, 20000, "anna"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().caseId();

        CaseView waiting = awaitStep(caseId, "Godkend betalingskort", view -> view.result().get("approver") != null);
        assertThat(waiting.result()).containsEntry("approver", "leder1").containsEntry("approvals", List.of());
        List<Map<String, Object>> tasks = tasks("leder1", caseId);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0)).containsEntry("assignee", "leder1");
        String taskId = (String) tasks.get(0).get("id");

        ResponseEntity<String> refused = completeTask("demo", taskId, Map.of("approved", true));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("leder1");
        assertThat(tasks("leder1", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);

        setFault("cardissuer", 2, 503);
        assertThat(completeTask("leder1", taskId, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("ORDERED");
        assertThat(done.reasons()).isEmpty();
        assertThat(done.result()).containsEntry("approvals", List.of("leder1"));
        String cardId = (String) done.result().get("cardId");
        assertThat(cardId).startsWith("CARD-");

        assertThat(sandboxRequests("cardissuer"))
                .filteredOn(r -> "POST".equals(r.get("method")) && "/api/cards".equals(r.get("path")))
                .filteredOn(r -> ref.equals(((Map<?, ?>) r.get("body")).get("reference")))
                .hasSize(1)
                .allSatisfy(r -> {
                    assertThat(r.get("status")).isEqualTo(201);
                    assertThat(((Map<?, ?>) r.get("body")).get("employeeNumber")).isEqualTo(employeeNumber);
                });
        assertThat(card(cardId)).containsEntry("employeeNumber", employeeNumber).containsEntry("status", "OPEN");
        assertThat(serviceNowRecord(ref)).containsEntry("state", "3");
        assertThat((String) serviceNowRecord(ref).get("work_notes")).contains("Udfald: Kortet er bestilt.").contains(cardId).contains("20.000,00 kr.");
    }

    @Test
    void aCloseBlocksTheEmployeesCardAtOnceWithExactlyOneBlockAtTheIssuer() {
        String employeeNumber = "E4" + digits(5);
        String cardId = "CARD-T" + digits(6);
        putSandboxData("/sandbox/cardissuer/cards/" + cardId, Map.of("employeeNumber", employeeNumber, "monthlyLimit", 15000));
        String ref = newServiceNowRef("RITM");

        ResponseEntity<CaseView> created = createCase("payment-cards", close(ref, employeeNumber, "anna"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CaseView done = awaitCompleted(created.getBody().caseId());

        assertThat(done.outcome()).isEqualTo("CLOSED");
        assertThat(done.result()).containsEntry("cardId", cardId).containsEntry("approvals", List.of())
                .containsEntry("closedCardIds", List.of(cardId));
        assertThat(blocksOf(cardId)).hasSize(1).allSatisfy(r -> assertThat(r.get("status")).isEqualTo(200));
        assertThat(card(cardId)).containsEntry("status", "BLOCKED")
                .containsEntry("blockReference", done.caseId() + ":Task_CloseCards");
        assertThat(serviceNowRecord(ref)).containsEntry("state", "3");
    }

    @Test
    void blockingASeededEmployeesCardBlocksItOnceAndARetryOfTheSameStepCountsItWhileAnotherCaseFindsNoOpenCard() throws Exception {
        Map<String, Object> seeded = allCards().stream()
                .filter(card -> "E20002".equals(card.get("employeeNumber")) && "SANDBOX".equals(card.get("reference")))
                .findFirst().orElseThrow();
        assertThat(seeded).containsEntry("status", "OPEN");
        String cardId = (String) seeded.get("cardId");
        String caseId = "resignation-" + UUID.randomUUID();

        assertThat(block("E20002", caseId)).containsExactly(cardId);
        assertThat(block("E20002", caseId)).containsExactly(cardId);

        assertThat(blocksOf(cardId)).hasSize(1);
        assertThat(card(cardId)).containsEntry("status", "BLOCKED").containsEntry("blockReference", caseId);
        assertThat(block("E20002", "another-case")).isEmpty();
        assertThat(blocksOf(cardId)).hasSize(1);
    }

    /** The step "Luk betalingskort" of case {@code caseId} (reference: the case) as the engine runs it: the card ids it reports blocked. */
    private List<Object> block(String employeeNumber, String caseId) throws Exception {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessInstanceId()).thenReturn(caseId);
        when(execution.getCurrentActivityId()).thenReturn("Task_CloseCard");
        when(execution.getVariableLocal("employeeNumber")).thenReturn(employeeNumber);
        when(execution.getVariableLocal("reference")).thenReturn(caseId);
        when(execution.getVariableLocal("resultVariable")).thenReturn("spaerredeKort");
        blockConnector.execute(execution);
        ArgumentCaptor<Object> result = ArgumentCaptor.forClass(Object.class);
        verify(execution).setVariable(eq("spaerredeKort"), result.capture());
        @SuppressWarnings("unchecked")
        List<Object> blocked = (List<Object>) result.getValue();
        return blocked;
    }

    @Test
    void theSandboxIssuerHasAnOpenCardForEveryEmployeeWhoHasOneInOpus() {
        List<Object> seededHolders = allCards().stream().filter(card -> "SANDBOX".equals(card.get("reference")))
                .map(card -> card.get("employeeNumber")).toList();
        assertThat(seededHolders).contains("E10002", "E20001", "E20002").doesNotContain("E10001", "E10003");
    }

    @Test
    void whenNoManagerAboveTheRequestingManagerExistsKsOekonomiAppointsTheApproverInTasklist() {
        String employeeNumber = newEmployee("E20002");
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("payment-cards", order(ref, employeeNumber, 60000, "leder2")).getBody().caseId();

        CaseView waiting = awaitStep(caseId, "Udpeg godkender", view -> !view.reasons().isEmpty());
        assertThat(waiting.reasons()).containsExactly("NO_MANAGER_ABOVE_REQUESTER");
        assertThat(waiting.result()).containsEntry("escalated", true);
        String assignTask = (String) tasks("bo", caseId).get(0).get("id");
        ResponseEntity<String> refused = completeTask("bo", assignTask, Map.of("assignment", "ASSIGN", "approverUserId", "leder2"));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("bestilt kortet");
        assertThat(completeTask("bo", assignTask, Map.of("assignment", "ASSIGN", "approverUserId", "leder1")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        awaitStep(caseId, "Godkend betalingskort");
        String approval = (String) tasks("leder1", caseId).get(0).get("id");
        assertThat(completeTask("leder1", approval, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitStep(caseId, "Godkend kortgrænse");
        String limit = (String) tasks("anna", caseId).get(0).get("id");
        assertThat(completeTask("anna", limit, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("ORDERED");
        assertThat(done.result()).containsEntry("approvals", List.of("leder1", "anna")).containsEntry("approver", "leder1");
    }

    @Test
    void anOrderWithoutALimitOrAnUnknownActionIs400NamingTheField() throws Exception {
        Map<String, Object> noLimit = order(newServiceNowRef("RITM"), "E10001", 1, "anna");
        noLimit.remove("monthlyLimit");
        ResponseEntity<String> missing = postJson("servicenow", "/api/v1/payment-cards", noLimit);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(missing)).containsExactly("monthlyLimit");

        Map<String, Object> renew = order(newServiceNowRef("RITM"), "E10001", 20000, "anna");
        renew.put("action", "RENEW");
        ResponseEntity<String> unknown = postJson("servicenow", "/api/v1/payment-cards", renew);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unknown)).containsExactly("action");

        Map<String, Object> invalid = order(newServiceNowRef("RITM"), "", -5, "nobody");
        ResponseEntity<String> many = postJson("servicenow", "/api/v1/payment-cards", invalid);
        assertThat(many.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(many)).containsExactlyInAnyOrder("employeeNumber", "monthlyLimit", "requestedBy");
    }

    /**
     * The step, and what the step's job wrote: CaseViews reads the variables and the steps in separate
     * queries, so on PostgreSQL a poll can see the new step with the variables of a moment before.
     */
    private CaseView awaitStep(String caseId, String step, java.util.function.Predicate<CaseView> written) {
        return awaitCase(caseId, view -> view.currentSteps().contains(step) && written.test(view));
    }

    private List<String> fields(ResponseEntity<String> problem) throws Exception {
        JsonNode body = objectMapper.readTree(problem.getBody());
        return java.util.stream.StreamSupport.stream(body.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList();
    }

    /** A new employee in the sandbox's Opus, managed by {@code managerNumber}, with no card. */
    private String newEmployee(String managerNumber) {
        String number = "E3" + digits(5);
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("name", "Kort Testesen");
        employee.put("cpr", "0101700000");
        employee.put("userId", "kt" + number.toLowerCase());
        employee.put("hireDate", "2015-01-01");
        employee.put("annualSalary", 400000);
        employee.put("department", "BUF");
        employee.put("managerEmployeeNumber", managerNumber);
        employee.put("employeeType", "OVERENSKOMST");
        employee.put("hasPaymentCard", false);
        putSandboxData("/sandbox/opus/employees/" + number, employee);
        return number;
    }

    private static String digits(int count) {
        return String.format("%0" + count + "d", ThreadLocalRandom.current().nextInt((int) Math.pow(10, count)));
    }

    static Map<String, Object> order(String ref, String employeeNumber, double monthlyLimit, String requestedBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("action", "ORDER");
        body.put("employeeNumber", employeeNumber);
        body.put("monthlyLimit", monthlyLimit);
        body.put("requestedBy", requestedBy);
        return body;
    }

    static Map<String, Object> close(String ref, String employeeNumber, String requestedBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("action", "CLOSE");
        body.put("employeeNumber", employeeNumber);
        body.put("requestedBy", requestedBy);
        return body;
    }

    private List<Map<String, Object>> blocksOf(String cardId) {
        return sandboxRequests("cardissuer").stream()
                .filter(r -> "POST".equals(r.get("method")) && ("/api/cards/" + cardId + "/block").equals(r.get("path")))
                .toList();
    }

    private List<Map<String, Object>> allCards() {
        return getList("demo", "/sandbox/cardissuer/cards");
    }

    private Map<String, Object> card(String cardId) {
        return allCards().stream().filter(card -> cardId.equals(card.get("cardId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serviceNowRecord(String ref) {
        List<Map<String, Object>> records = as("demo").getForObject("/sandbox/servicenow/tables/sc_req_item", List.class);
        return records.stream().filter(r -> ref.equals(r.get("number"))).findFirst().orElseThrow();
    }
}
