package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.cases.CaseView;

/** An approver's day with a payout, in Tasklist in a real browser (an English one: the labels are Camunda's own). */
class TasklistPayoutApprovalBrowserTest extends BrowserTestCase {

    private static final String TASK = "Godkend udbetaling";

    @Test
    void boApprovesAnnasPayoutInTasklistAndTheCaseEndsPaid() {
        String caseId = payoutRequestedByAnna(12500.00);
        String taskId = (String) tasks("bo", caseId).get(0).get("id");

        logInToTasklist("bo");
        openFilter("Opgaver til mine grupper");
        openTask(TASK, taskId);
        clickButton("Claim");

        assertThat(formField("Modtager")).isEqualTo("Jens Hansen");
        assertThat(formField("Beløb")).isEqualTo("12.500,00 kr.");
        assertThat(formField("Anmodet af")).isEqualTo("Anna Andersen");
        chooseRadio("Godkend udbetalingen");
        screenshot("form-filled");
        clickButton("Complete");

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("PAID");
        assertThat(done.result()).containsEntry("approvedBy", java.util.List.of("bo"));
        screenshot("completed");
    }

    @Test
    void annaIsRefusedWhenSheApprovesHerOwnPayoutAndTheTaskStaysOpen() {
        String caseId = payoutRequestedByAnna(15000.00);
        String taskId = (String) tasks("anna", caseId).get(0).get("id");

        logInToTasklist("anna");
        openFilter("Opgaver til mine grupper");
        openTask(TASK, taskId);
        clickButton("Claim");
        assertThat(formField("Anmodet af")).isEqualTo("Anna Andersen");
        chooseRadio("Godkend udbetalingen");
        clickButton("Complete");

        // The form's own introduction mentions the rule too: look in the error notification only.
        String refusal = errorNotification("selv har anmodet om");
        screenshot("refused");
        assertAccessible("Godkend udbetaling, refused by the engine");
        assertThat(refusal).contains("Du kan ikke godkende en udbetaling, som du selv har anmodet om")
                .doesNotContain("ENGINE-", "Cannot submit", "TaskListener");
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        assertThat(caseView(caseId).status()).isEqualTo(CaseView.Status.ACTIVE);
    }

    private String payoutRequestedByAnna(double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", newServiceNowRef("RITM"));
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Tilbagebetaling af for meget betalt");
        body.put("requestedBy", "anna");
        ResponseEntity<CaseView> created = createCase("invoice-payouts", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().caseId();
        awaitStep(caseId, TASK);
        return caseId;
    }
}
