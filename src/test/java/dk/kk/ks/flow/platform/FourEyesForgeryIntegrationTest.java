package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.WebappBrowser;

/**
 * Four eyes cannot be talked round by what the approver sends. Each attack is made as the approver would make
 * it, through /engine-rest (HTTP Basic) and through Tasklist's API (a logged-in session with its XSRF token):
 * a forged requester or approval list in the completion, a variable changed before completing, an approval
 * handed to somebody else, a task ended with a BPMN error. Each is refused (400 or 403), the task stays open,
 * and nothing reaches Opus or the card issuer. Who requested and who approved are the case's recorded facts,
 * so even an administrator's change of the variables does not change them.
 */
class FourEyesForgeryIntegrationTest extends IntegrationTestCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN_PAYOUT = "Du kan ikke godkende en udbetaling, som du selv har anmodet om.";

    /** The two ways into the engine's REST API: the application's own, and the one Tasklist calls. */
    enum Channel { ENGINE_REST, TASKLIST }

    private final Map<String, WebappBrowser> sessions = new HashMap<>();

    @Autowired
    AuthorizationService authorizationService;

    // ---------------------------------------------------------------------------------------- payouts

    @ParameterizedTest
    @EnumSource(Channel.class)
    void annaCannotForgeTheRequesterWhenCompletingHerOwnPayout(Channel channel) throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = payout(ref, 12500.00);
        String taskId = openTask(caseId, "Godkend udbetaling");

        for (String operation : List.of("complete", "submit-form")) {
            Answer forged = call(channel, "anna", "POST", "/task/" + taskId + "/" + operation,
                    variables(Map.of("requestedBy", "bo", "approved", true)));
            forged.assertRefused(400, "Feltet requestedBy kan ikke ændres her.");
        }
        // Sent back as the form shows it, the read-only field is no forgery, and the rule still holds.
        call(channel, "anna", "POST", "/task/" + taskId + "/submit-form", tasklistPayoutForm(12500, true))
                .assertRefused(403, OWN_PAYOUT);

        assertStillOpen(caseId, taskId);
        assertThat(releasesOf(ref)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void annaCannotForgeTheRequesterBeforeCompleting(Channel channel) throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = payout(ref, 12500.00);
        String taskId = openTask(caseId, "Godkend udbetaling");
        String bo = "{\"value\":\"bo\",\"type\":\"String\"}";

        call(channel, "anna", "PUT", "/task/" + taskId + "/variables/requestedBy", bo).assertStatus(403);
        call(channel, "anna", "PUT", "/task/" + taskId + "/localVariables/requestedBy", bo).assertStatus(403);
        call(channel, "anna", "POST", "/task/" + taskId + "/variables", "{\"modifications\":{\"requestedBy\":" + bo + "}}")
                .assertStatus(403);
        call(channel, "anna", "PUT", "/process-instance/" + caseId + "/variables/requestedBy", bo).assertStatus(403);
        call(channel, "anna", "PUT", "/execution/" + caseId + "/localVariables/requestedBy", bo).assertStatus(403);
        assertThat(variable(caseId, "requestedBy")).isEqualTo("anna");

        call(channel, "anna", "POST", "/task/" + taskId + "/complete", variables(Map.of("approved", true)))
                .assertRefused(403, OWN_PAYOUT);
        assertStillOpen(caseId, taskId);
        assertThat(releasesOf(ref)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void whoMayNotWorkOnTheTaskLearnsNothingOfItsFormFromTheAnswer(Channel channel) throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = payout(ref, 12500.00);
        String taskId = openTask(caseId, "Godkend udbetaling");

        // leder1 approves no payouts: a field the form does not have, the read-only fields as shown, and one of them
        // changed all get the same refusal, so the answers tell nothing of the form or of the case's values.
        Map<String, Object> changed = JSON.readValue(tasklistPayoutForm(12500, true), Map.class);
        ((Map<String, Object>) ((Map<String, Object>) changed.get("variables")).get("payee")).put("value", "Someone Else");
        for (String body : List.of(variables(Map.of("requestedBy", "leder1", "approved", true)), tasklistPayoutForm(12500, true),
                JSON.writeValueAsString(changed))) {
            Answer answer = call(channel, "leder1", "POST", "/task/" + taskId + "/submit-form", body);
            answer.assertStatus(403);
            assertThat(answer.body()).doesNotContain("Feltet");
        }
        assertStillOpen(caseId, taskId);
        assertThat(releasesOf(ref)).isEmpty();
    }

    @Test
    void aRightToWorkOnEveryTaskOfAProcessIsGuardedAsACandidatesIs() throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = payout(ref, 12500.00);
        String taskId = openTask(caseId, "Godkend udbetaling");
        // An administrator lets leder1 work on every payout task, through the process definition: no right to read the
        // task itself, which the guard once took to mean that the completion was not a person's to check, and let the
        // variables through.
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("leder1");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId("invoice-payout");
        grant.addPermission(ProcessDefinitionPermissions.TASK_WORK);
        grant = authorizationService.saveAuthorization(grant);
        try {
            // they cannot read the task, so nothing they send can be checked against its form: refused, not let through
            call(Channel.ENGINE_REST, "leder1", "POST", "/task/" + taskId + "/complete",
                    variables(Map.of("payee", "Someone Else", "approved", true))).assertStatus(403);
            call(Channel.ENGINE_REST, "leder1", "POST", "/task/" + taskId + "/complete", variables(Map.of("debtorNumber", "999999")))
                    .assertStatus(403);
            assertStillOpen(caseId, taskId);
            assertThat(variable(caseId, "payee")).isEqualTo("Jens Hansen");
            assertThat(releasesOf(ref)).isEmpty();
        } finally {
            authorizationService.deleteAuthorization(grant.getId());
        }
    }

    @Test
    void whatAnAdministratorDoesToTheVariablesDoesNotChangeWhoRequested() throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = payout(ref, 12500.00);
        String taskId = openTask(caseId, "Godkend udbetaling");

        call(Channel.ENGINE_REST, "demo", "PUT", "/process-instance/" + caseId + "/variables/requestedBy",
                "{\"value\":\"bo\",\"type\":\"String\"}").assertStatus(204);
        assertThat(variable(caseId, "requestedBy")).isEqualTo("bo");

        call(Channel.ENGINE_REST, "anna", "POST", "/task/" + taskId + "/complete", variables(Map.of("approved", true)))
                .assertRefused(403, OWN_PAYOUT);
        assertStillOpen(caseId, taskId);
        assertThat(releasesOf(ref)).isEmpty();

        call(Channel.ENGINE_REST, "bo", "POST", "/task/" + taskId + "/complete", variables(Map.of("approved", true))).assertStatus(204);
        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("PAID");
        assertThat(done.result()).containsEntry("approvedBy", List.of("bo"));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void boCannotGiveBothApprovalsOfALargePayoutByClearingTheApprovals(Channel channel) throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = payout(ref, 300000.00);
        String first = openTask(caseId, "Godkend udbetaling");
        // The first approval as Tasklist submits the form: every field, the read-only ones as shown.
        call(channel, "bo", "POST", "/task/" + first + "/submit-form", tasklistPayoutForm(300000, true)).assertStatus(204);
        String second = awaitNextTask(caseId, first);

        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put("approvedBy", null);
        cleared.put("approved", true);
        call(channel, "bo", "POST", "/task/" + second + "/complete", variables(cleared))
                .assertRefused(400, "Feltet approvedBy kan ikke ændres her.");
        call(channel, "bo", "PUT", "/process-instance/" + caseId + "/variables/approvedBy", "{\"value\":null}").assertStatus(403);

        // Even with the shown list emptied by an administrator, the recorded approval counts.
        call(Channel.ENGINE_REST, "demo", "PUT", "/process-instance/" + caseId + "/variables/approvedBy", "{\"value\":null}")
                .assertStatus(204);
        call(channel, "bo", "POST", "/task/" + second + "/submit-form", variables(Map.of("approved", true)))
                .assertRefused(403, "Du har allerede godkendt denne udbetaling; næste godkendelse skal gives af en anden.");

        assertStillOpen(caseId, second);
        assertThat(releasesOf(ref)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void nobodyButAnAdministratorEndsAnApprovalPastItsRules(Channel channel) throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = payout(ref, 12500.00);
        String taskId = openTask(caseId, "Godkend udbetaling");
        String approved = "{\"approved\":{\"value\":true}}";

        // An error or escalation leaves the task without its completion rules; an unhandled one ends the step.
        call(channel, "anna", "POST", "/task/" + taskId + "/bpmnError",
                "{\"errorCode\":\"GODKENDT\",\"variables\":" + approved + "}").assertStatus(403);
        call(channel, "anna", "POST", "/task/" + taskId + "/bpmnError", "{\"errorCode\":\"GODKENDT\"}").assertStatus(403);
        call(channel, "anna", "POST", "/task/" + taskId + "/bpmnEscalation", "{\"escalationCode\":\"GODKENDT\"}").assertStatus(403);
        call(channel, "anna", "POST", "/task/" + taskId + "/resolve", "{\"variables\":" + approved + "}").assertStatus(403);

        assertStillOpen(caseId, taskId);
        assertThat(releasesOf(ref)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------- postings

    @ParameterizedTest
    @EnumSource(Channel.class)
    void annaCannotForgeTheRequesterOfHerPostingReview(Channel channel) throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("postings", posting(ref)).getBody().caseId();
        String taskId = openTask(caseId, "Gennemgå postering");

        call(channel, "anna", "POST", "/task/" + taskId + "/complete", variables(Map.of("requestedBy", "bo", "approved", true)))
                .assertRefused(400, "Feltet requestedBy kan ikke ændres her.");
        call(channel, "anna", "PUT", "/task/" + taskId + "/variables/requestedBy", "{\"value\":\"bo\",\"type\":\"String\"}")
                .assertStatus(403);
        call(Channel.ENGINE_REST, "demo", "PUT", "/process-instance/" + caseId + "/variables/requestedBy",
                "{\"value\":\"bo\",\"type\":\"String\"}").assertStatus(204);
        call(channel, "anna", "POST", "/task/" + taskId + "/submit-form", variables(Map.of("approved", true)))
                .assertRefused(403, "Du kan ikke godkende en postering, som du selv har anmodet om.");

        assertStillOpen(caseId, taskId);
        assertThat(sandboxRequests("opus")).filteredOn(r -> "/api/oekonomi/journals".equals(r.get("path")))
                .noneMatch(r -> ref.equals(((Map<?, ?>) r.get("body")).get("reference")));
    }

    // ---------------------------------------------------------------------------------------- payment cards

    @ParameterizedTest
    @EnumSource(Channel.class)
    void theManagerCannotHandTheApprovalToSomebodyElse(Channel channel) throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("payment-cards", cardOrder(ref, newEmployee("kt"), 20000, "anna")).getBody().caseId();
        String taskId = openTask(caseId, "Godkend betalingskort");

        call(channel, "leder1", "POST", "/task/" + taskId + "/assignee", "{\"userId\":\"leder2\"}").assertStatus(403);
        call(channel, "leder1", "POST", "/task/" + taskId + "/delegate", "{\"userId\":\"leder2\"}").assertStatus(403);
        call(channel, "leder1", "POST", "/task/" + taskId + "/identity-links", "{\"userId\":\"leder2\",\"type\":\"candidate\"}")
                .assertStatus(403);
        call(channel, "leder1", "PUT", "/task/" + taskId, "{\"name\":\"Godkend betalingskort\",\"assignee\":\"leder2\"}")
                .assertStatus(403);
        call(channel, "leder2", "POST", "/task/" + taskId + "/claim", "{\"userId\":\"leder2\"}").assertStatus(403);

        assertThat(tasks("leder1", caseId)).singleElement().satisfies(task -> assertThat(task).containsEntry("assignee", "leder1"));
        assertThat(ordersOf(ref)).isEmpty();
    }

    @Test
    void whoeverTheApprovalIsReassignedToOnlyTheRecordedManagerApproves() throws Exception {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("payment-cards", cardOrder(ref, newEmployee("kt"), 20000, "anna")).getBody().caseId();
        String taskId = openTask(caseId, "Godkend betalingskort");

        call(Channel.ENGINE_REST, "demo", "POST", "/task/" + taskId + "/assignee", "{\"userId\":\"leder2\"}").assertStatus(204);
        call(Channel.ENGINE_REST, "leder2", "POST", "/task/" + taskId + "/complete", variables(Map.of("approved", true)))
                .assertRefused(403, "Lederens godkendelse gives af leder1; du kan ikke godkende den.");

        assertStillOpen(caseId, taskId);
        assertThat(ordersOf(ref)).isEmpty();
        // Nobody but leder1 may finish it now, and other tests complete whatever tasks they find: the case ends here.
        call(Channel.ENGINE_REST, "demo", "DELETE", "/process-instance/" + caseId, null).assertStatus(204);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void neitherTheRequesterNorTheEmployeeForgesTheirWayToTheLimitApproval(Channel channel) throws Exception {
        // Bo's own card, ordered by Anna: both are in ks-oekonomi, which gives the limit's approval.
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("payment-cards", cardOrder(ref, newEmployee("bo"), 60000, "anna")).getBody().caseId();
        String manager = openTask(caseId, "Godkend betalingskort");
        call(Channel.ENGINE_REST, "leder1", "POST", "/task/" + manager + "/complete", variables(Map.of("approved", true))).assertStatus(204);
        String limit = awaitNextTask(caseId, manager);

        call(channel, "anna", "POST", "/task/" + limit + "/complete", variables(Map.of("requestedBy", "leder2", "approved", true)))
                .assertRefused(400, "Feltet requestedBy kan ikke ændres her.");
        call(channel, "bo", "POST", "/task/" + limit + "/submit-form", variables(Map.of("employeeUserId", "leder2", "approved", true)))
                .assertRefused(400, "Feltet employeeUserId kan ikke ændres her.");
        call(channel, "bo", "PUT", "/task/" + limit + "/variables/employeeUserId", "{\"value\":\"leder2\",\"type\":\"String\"}")
                .assertStatus(403);
        call(channel, "anna", "POST", "/task/" + limit + "/complete", variables(Map.of("approved", true)))
                .assertRefused(403, "Du kan ikke godkende et betalingskort, som du selv har bestilt.");
        call(channel, "bo", "POST", "/task/" + limit + "/complete", variables(Map.of("approved", true)))
                .assertRefused(403, "Du kan ikke godkende dit eget betalingskort.");

        assertStillOpen(caseId, limit);
        assertThat(ordersOf(ref)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** An answer of either channel. */
    private record Answer(String call, int status, String body) {

        void assertStatus(int expected) {
            assertThat(status).as(call + ": " + body).isEqualTo(expected);
        }

        /** The status, and only the Danish sentence as the message (what Tasklist shows). */
        void assertRefused(int expected, String message) throws Exception {
            assertStatus(expected);
            assertThat(JSON.readTree(body).path("message").asText()).as(call).isEqualTo(message);
        }
    }

    private Answer call(Channel channel, String user, String method, String enginePath, String json) throws Exception {
        String description = method + " " + enginePath + " as " + user + " through " + channel;
        if (channel == Channel.ENGINE_REST) {
            ResponseEntity<String> answer = as(user).exchange("/engine-rest" + enginePath, HttpMethod.valueOf(method),
                    jsonEntity(json), String.class);
            return new Answer(description, answer.getStatusCode().value(), answer.getBody());
        }
        HttpResponse<String> answer = session(user).send(method, "/camunda/api/engine/engine/default" + enginePath, json);
        return new Answer(description, answer.statusCode(), answer.body());
    }

    /** The user's Tasklist session, logged in once. */
    private WebappBrowser session(String user) throws Exception {
        WebappBrowser browser = sessions.get(user);
        if (browser == null) {
            browser = new WebappBrowser(http.getRootUri());
            browser.loggedInAs(user);
            sessions.put(user, browser);
        }
        return browser;
    }

    private static String variables(Map<String, Object> values) throws Exception {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> variable = new HashMap<>();
            variable.put("value", value);
            typed.put(name, variable);
        });
        return JSON.writeValueAsString(Map.of("variables", typed));
    }

    /** What Tasklist submits for the payout approval form: every field, the read-only ones as the form shows them. */
    private static String tasklistPayoutForm(int amount, boolean approved) throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("payee", "Jens Hansen");
        form.put("debtorNumber", "100234");
        form.put("amountText", String.format(java.util.Locale.forLanguageTag("da-DK"), "%,.2f kr.", (double) amount));
        form.put("reason", "Fireøjneprincippet");
        form.put("requestedByName", "Anna Andersen");
        form.put("approved", approved);
        form.put("comment", "");
        return variables(form);
    }

    private String payout(String ref, double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Fireøjneprincippet");
        body.put("requestedBy", "anna");
        return createCase("invoice-payouts", body).getBody().caseId();
    }

    private static Map<String, Object> posting(String ref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("requestedBy", "anna");
        body.put("postingDate", "2027-03-15");
        body.put("description", "Omkontering af husleje");
        body.put("lines", List.of(
                Map.of("account", "44120000", "costCenter", "1010101010", "amount", 250000.00, "vatCode", "I25", "text", "Husleje"),
                Map.of("account", "44120000", "costCenter", "1010202020", "amount", -250000.00, "vatCode", "I25", "text", "Husleje")));
        return body;
    }

    private static Map<String, Object> cardOrder(String ref, String employeeNumber, double monthlyLimit, String requestedBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("action", "ORDER");
        body.put("employeeNumber", employeeNumber);
        body.put("monthlyLimit", monthlyLimit);
        body.put("requestedBy", requestedBy);
        return body;
    }

    /** A new employee in the sandbox's Opus under leder1 (E20001), with the given user id ("kt": one of its own). */
    private String newEmployee(String userId) {
        String number = "E3" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        Map<String, Object> employee = sandboxEmployee("Kort Testesen", "0101700000");
        employee.put("userId", "kt".equals(userId) ? "kt" + number.toLowerCase() : userId);
        employee.put("managerEmployeeNumber", "E20001");
        putSandboxData("/sandbox/opus/employees/" + number, employee);
        return number;
    }

    private String openTask(String caseId, String step) {
        awaitStep(caseId, step);
        return (String) tasks("demo", caseId).get(0).get("id");
    }

    private String awaitNextTask(String caseId, String previous) {
        return org.awaitility.Awaitility.await().atMost(CASE_TIMEOUT)
                .until(() -> tasks("demo", caseId), tasks -> tasks.size() == 1 && !previous.equals(tasks.get(0).get("id")))
                .get(0).get("id").toString();
    }

    private void assertStillOpen(String caseId, String taskId) {
        assertThat(tasks("demo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        assertThat(caseView(caseId).status()).isEqualTo(CaseView.Status.ACTIVE);
    }

    private String variable(String caseId, String name) throws Exception {
        String body = as("demo").getForObject("/engine-rest/process-instance/" + caseId + "/variables/" + name, String.class);
        JsonNode value = JSON.readTree(body).path("value");
        return value.isNull() ? null : value.asText();
    }

    /** Opus Debitor's releases of the payout that the ServiceNow record asked for. */
    private List<Map<String, Object>> releasesOf(String ref) {
        List<Map<String, Object>> requests = sandboxRequests("opus");
        List<Object> payoutIds = requests.stream()
                .filter(r -> "/api/debitor/payouts".equals(r.get("path")))
                .filter(r -> ref.equals(((Map<?, ?>) r.get("body")).get("caseReference")))
                .map(r -> (Object) ((Map<?, ?>) r.get("response")).get("payoutId")).toList();
        assertThat(payoutIds).as("the payout is registered in Opus, waiting for its approval").hasSize(1);
        return requests.stream().filter(r -> ("/api/debitor/payouts/" + payoutIds.get(0) + "/release").equals(r.get("path"))).toList();
    }

    private List<Map<String, Object>> ordersOf(String ref) {
        return sandboxRequests("cardissuer").stream()
                .filter(r -> "POST".equals(r.get("method")) && "/api/cards".equals(r.get("path")))
                .filter(r -> ref.equals(((Map<?, ?>) r.get("body")).get("reference")))
                .toList();
    }
}
