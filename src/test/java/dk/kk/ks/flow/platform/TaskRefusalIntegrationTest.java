package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.WebappBrowser;

/**
 * A task completion that a rule of the process refuses is an answer to the person who tried: 403 (four
 * eyes) or 400 (the form needs correcting) with only the Danish sentence as the message, through
 * /engine-rest and through Tasklist's API; one WARN line in the log and no stack trace; the task stays
 * open and nothing happens in the process. A technical failure is still a 500 and an ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskRefusalIntegrationTest extends IntegrationTestCase {

    private static final String OWN_PAYOUT = "Du kan ikke godkende en udbetaling, som du selv har anmodet om.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"complete", "submit-form"})
    void annaCannotApproveHerOwnPayoutThroughTheRestApi(String operation, CapturedOutput output) throws Exception {
        String caseId = payoutRequestedByAnna();
        String taskId = (String) tasks("bo", caseId).get(0).get("id");

        ResponseEntity<String> refused = postJson("anna", "/engine-rest/task/" + taskId + "/" + operation,
                Map.of("variables", Map.of("approved", Map.of("value", true))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertRefusalBody(refused.getBody(), "FourEyesRefusal", OWN_PAYOUT);
        assertNothingHappened(caseId, taskId);
        assertLoggedOnceAsWarning(output, "anna", taskId, OWN_PAYOUT);
    }

    @Test
    void annaCannotApproveHerOwnPayoutInTasklist(CapturedOutput output) throws Exception {
        String caseId = payoutRequestedByAnna();
        String taskId = (String) tasks("bo", caseId).get(0).get("id");
        WebappBrowser tasklist = new WebappBrowser(http.getRootUri());
        tasklist.loggedInAs("anna");

        // What Tasklist sends for a Camunda Form, with the session's XSRF token.
        HttpResponse<String> refused = tasklist.postJson("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"\"}}}", true);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertRefusalBody(refused.body(), "FourEyesRefusal", OWN_PAYOUT);
        assertNothingHappened(caseId, taskId);
        assertLoggedOnceAsWarning(output, "anna", taskId, OWN_PAYOUT);
    }

    @Test
    void aHearingDeadlineInThePastIsAValidationRefusal(CapturedOutput output) throws Exception {
        putSandboxData("/sandbox/opus/employees/E50601", sandboxEmployee("Rikke Refusal", "0404801234"));
        String caseId = createCase("dismissals", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E50601",
                "reasonCategory", "WORK_SHORTAGE", "reasonText", "Nedlæggelse af stilling", "requestedBy", "leder1")).getBody().caseId();
        awaitStep(caseId, "Kontroller afskedigelse");
        String taskId = (String) tasks("bo", caseId).get(0).get("id");

        ResponseEntity<String> refused = completeTask("bo", taskId, Map.of("hearingDeadline", "2000-01-01"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertRefusalBody(refused.getBody(), "ValidationRefusal", "Høringsfristen skal ligge efter i dag.");
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        assertThat(caseView(caseId).currentSteps()).containsExactly("Kontroller afskedigelse");
        assertLoggedOnceAsWarning(output, "bo", taskId, "Høringsfristen skal ligge efter i dag.");
    }

    @Test
    void aTechnicalFailureIsStillA500AndAnError(CapturedOutput output) throws Exception {
        String caseId = payoutRequestedByAnna();
        String taskId = (String) tasks("bo", caseId).get(0).get("id");

        // Not a refusal: "approved" as text breaks the listener's typed read of the variable.
        ResponseEntity<String> failed = completeTask("bo", taskId, Map.of("approved", "ja"));

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        assertThat(output.getOut()).containsPattern("ERROR .*ENGINE-16004 .*'approved' is a String, expected Boolean")
                .contains("at dk.kk.ks.flow.platform.Var.");
    }

    private String payoutRequestedByAnna() {
        String caseId = createCase("invoice-payouts", Map.of("serviceNowRef", newServiceNowRef("RITM"), "debtorNumber", "100234",
                "payee", "Jens Hansen", "amount", 12500.00, "reason", "Afvisningstest", "requestedBy", "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        return caseId;
    }

    private static void assertRefusalBody(String body, String type, String message) throws Exception {
        JsonNode json = JSON.readTree(body);
        assertThat(json.get("type").asText()).isEqualTo(type);
        assertThat(json.get("message").asText()).isEqualTo(message);
        assertThat(json.has("code")).isTrue();
        assertThat(body).doesNotContain("ENGINE-", "Cannot", "TaskListener");
    }

    private void assertNothingHappened(String caseId, String taskId) {
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        CaseView view = caseView(caseId);
        assertThat(view.currentSteps()).containsExactly("Godkend udbetaling");
        assertThat(view.result()).containsEntry("approvedBy", List.of());
    }

    /** One WARN line names the user, the task and the reason; no other line mentions the refusal, and no stack trace. */
    private static void assertLoggedOnceAsWarning(CapturedOutput output, String user, String taskId, String reason) {
        List<String> lines = output.getOut().lines().filter(line -> line.contains(reason)).toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains(" WARN ", "Task completion refused: user " + user + ", task " + taskId).endsWith(": " + reason));
        assertThat(output.getOut()).doesNotContain("Refusal:", "ENGINE-16004 Exception while closing command context: ENGINE-03051",
                "ENGINE-REST-HTTP500");
    }
}
