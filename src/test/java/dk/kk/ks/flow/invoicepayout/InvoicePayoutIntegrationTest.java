package dk.kk.ks.flow.invoicepayout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/** A payout case from ServiceNow's POST to Opus Debitor and back to ServiceNow, over real HTTP with the sandbox. */
class InvoicePayoutIntegrationTest extends IntegrationTestCase {

    @Test
    void boApprovesAnnasPayoutAndOpusReleasesItExactlyOnceThroughThreeOutages() {
        String ref = newServiceNowRef("RITM");
        ResponseEntity<CaseView> created = createCase("invoice-payouts", payout(ref, 12500.00));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().caseId();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/cases/" + caseId);

        CaseView waiting = awaitStep(caseId, "Godkend udbetaling");
        assertThat(waiting.status()).isEqualTo(CaseView.Status.ACTIVE);
        assertThat(waiting.result()).containsEntry("approvalsRequired", List.of("debitor-godkendere"));

        // The requester may see the task (she is a debitor approver) but not approve it.
        String taskId = (String) tasks("bo", caseId).get(0).get("id");
        ResponseEntity<String> refused = completeTask("anna", taskId, Map.of("approved", true));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("selv har anmodet om");
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);

        setFault("opus", 3, 503);
        assertThat(completeTask("bo", taskId, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("PAID");
        assertThat(done.result()).containsEntry("approvedBy", List.of("bo"));
        assertThat(done.currentSteps()).isEmpty();

        String payoutId = payoutIdOf(ref);
        assertThat(sandboxRequests("opus"))
                .filteredOn(r -> ("/api/debitor/payouts/" + payoutId + "/release").equals(r.get("path")))
                .hasSize(1)
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo(200));
        assertThat(serviceNowRecord(ref)).containsEntry("state", "3");
        assertThat((String) serviceNowRecord(ref).get("work_notes")).contains("Udfald: Udbetalt.").contains(caseId).doesNotContain("PAID");
    }

    @Test
    void exactlyTenThousandIsPaidWithNoHumanStep() {
        String ref = newServiceNowRef("RITM");
        CaseView created = createCase("invoice-payouts", payout(ref, 10000.00)).getBody();

        CaseView done = awaitCompleted(created.caseId());

        assertThat(done.outcome()).isEqualTo("PAID");
        assertThat(done.result()).containsEntry("approvalsRequired", List.of()).containsEntry("approvedBy", List.of());
    }

    @Test
    void aPayoutToABlockedDebtorIsRejectedWithOpusReason() {
        putSandboxData("/sandbox/opus/debtors/999111", Map.of("blocked", true));
        String ref = newServiceNowRef("RITM");
        Map<String, Object> body = payout(ref, 500.00);
        body.put("debtorNumber", "999111");

        CaseView done = awaitCompleted(createCase("invoice-payouts", body).getBody().caseId());

        assertThat(done.outcome()).isEqualTo("REJECTED");
        assertThat(done.reasons()).containsExactly("DEBTOR_BLOCKED");
        assertThat(serviceNowRecord(ref)).containsEntry("state", "4");
    }

    static Map<String, Object> payout(String ref, double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Tilbagebetaling af for meget betalt");
        body.put("requestedBy", "anna");
        return body;
    }

    @SuppressWarnings("unchecked")
    private String payoutIdOf(String ref) {
        return sandboxRequests("opus").stream()
                .filter(r -> "/api/debitor/payouts".equals(r.get("path")))
                .filter(r -> ref.equals(((Map<String, Object>) r.get("body")).get("caseReference")))
                .map(r -> (String) ((Map<String, Object>) r.get("response")).get("payoutId"))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serviceNowRecord(String ref) {
        List<Map<String, Object>> records = as("demo").getForObject("/sandbox/servicenow/tables/sc_req_item", List.class);
        return records.stream().filter(r -> ref.equals(r.get("number"))).findFirst().orElseThrow();
    }
}
