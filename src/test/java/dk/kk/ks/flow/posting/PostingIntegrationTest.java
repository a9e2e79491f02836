package dk.kk.ks.flow.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/** Posting cases from ServiceNow's POST to Opus Økonomi and back to ServiceNow, over real HTTP with the sandbox. */
class PostingIntegrationTest extends IntegrationTestCase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theContractExampleIsPostedAtOnceAsExactlyOneJournal() {
        String ref = newServiceNowRef("RITM");
        ResponseEntity<CaseView> created = createCase("postings", posting(ref, "2027-03-15",
                line("44120000", "1010101010", 1500.00, "I25"), line("44120000", "1010202020", -1500.00, "I25")));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        CaseView done = awaitCompleted(created.getBody().caseId());

        assertThat(done.outcome()).isEqualTo("POSTED");
        assertThat(done.reasons()).isEmpty();
        assertThat(done.result()).containsEntry("automatic", true);
        String documentNumber = (String) done.result().get("opusDocumentNumber");
        assertThat(documentNumber).isNotBlank();
        List<Map<String, Object>> journals = journalsOf(ref);
        assertThat(journals).hasSize(1);
        assertThat(journals.get(0)).containsEntry("method", "POST").containsEntry("status", 201).containsEntry("replayed", false);
        assertThat(((Map<?, ?>) journals.get(0).get("response")).get("documentNumber")).isEqualTo(documentNumber);
        assertThat(((Map<?, ?>) journals.get(0).get("body")).get("lines")).asList().hasSize(2);
        assertThat(serviceNowRecord(ref)).containsEntry("state", "3");
        assertThat((String) serviceNowRecord(ref).get("work_notes")).contains("Udfald: Bogført.").contains("bilag " + documentNumber);
    }

    @Test
    void anInvalidPostingOfOneLineIsAcceptedAndRejectedWithEveryReasonInPlainDanish() {
        putSandboxData("/sandbox/opus/periods/2030-01", Map.of("open", false));
        String ref = newServiceNowRef("RITM");
        ResponseEntity<CaseView> created = createCase("postings", posting(ref, "2030-01-15", line("49990000", "1010999999", 100.00, "I25")));
        assertThat(created.getStatusCode()).as("a business rejection, not a 400").isEqualTo(HttpStatus.CREATED);

        CaseView done = awaitCompleted(created.getBody().caseId());

        assertThat(done.outcome()).isEqualTo("REJECTED");
        assertThat(done.reasons()).containsExactly("TOO_FEW_LINES", "UNBALANCED", "UNKNOWN_ACCOUNT", "INACTIVE_COST_CENTER", "PERIOD_CLOSED");
        assertThat(done.result()).containsEntry("opusDocumentNumber", null);
        assertThat(journalsOf(ref)).isEmpty();
        assertThat(serviceNowRecord(ref)).containsEntry("state", "4");
        assertThat((String) serviceNowRecord(ref).get("work_notes"))
                .contains("Posteringen skal have mindst to linjer")
                .contains("Linjerne går ikke i nul")
                .contains("konti findes ikke eller er ikke aktive")
                .contains("omkostningssteder er ikke aktive")
                .contains("Bogføringsperioden er lukket i Opus Økonomi");
    }

    @Test
    void aWrongVatCodeAndAnUnknownAccountAreReportedTogether() {
        putSandboxData("/sandbox/opus/accounts/44990000", Map.of("active", true, "vatCodes", List.of("I0")));
        String ref = newServiceNowRef("RITM");
        CaseView done = awaitCompleted(createCase("postings", posting(ref, "2027-03-15",
                line("44990000", "1010101010", 20.00, "I25"), line("99999999", "1010202020", -20.00, "I25"))).getBody().caseId());

        assertThat(done.reasons()).containsExactly("UNKNOWN_ACCOUNT", "INVALID_VAT_CODE");
        assertThat((String) serviceNowRecord(ref).get("work_notes")).contains("Begrundelse: En eller flere konti findes ikke eller er ikke aktive "
                + "i Opus Økonomi; En momskode er ikke tilladt på kontoen.");
    }

    @Test
    void aLargePostingWaitsForAReviewerWhoIsNotTheRequester() {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("postings", posting(ref, "2027-03-15",
                line("44120000", "1010101010", 250000.00, "I25"), line("44120000", "1010202020", -250000.00, "I25"))).getBody().caseId();

        CaseView waiting = awaitStep(caseId, "Gennemgå postering");
        assertThat(waiting.result()).containsEntry("automatic", false);
        assertThat(journalsOf(ref)).isEmpty();

        // Anna requested it; she is in bogholderi and sees the task, but the engine refuses her completion.
        String taskId = (String) tasks("anna", caseId).get(0).get("id");
        ResponseEntity<String> refused = completeTask("anna", taskId, Map.of("approved", true));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("selv har anmodet om");
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        assertThat(caseView(caseId).currentSteps()).containsExactly("Gennemgå postering");

        assertThat(completeTask("bo", taskId, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("POSTED");
        assertThat(done.result()).containsEntry("automatic", false).containsKey("opusDocumentNumber");
        assertThat(journalsOf(ref)).hasSize(1);
    }

    @Test
    void malformedLinesAre400NamingEveryFieldButOneLineIsNot() throws Exception {
        Map<String, Object> body = posting(newServiceNowRef("RITM"), "2027-03-15",
                Map.of("account", "44120000", "costCenter", "1010101010", "amount", 10.005, "vatCode", "I25"),
                Map.of("costCenter", "1010101010", "amount", -10.00, "vatCode", "I25"));
        body.put("requestedBy", "nobody-we-know");
        body.remove("postingDate");

        ResponseEntity<String> response = postJson("servicenow", "/api/v1/postings", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("lines[0].amount", "lines[1].account", "postingDate", "requestedBy");
    }

    static Map<String, Object> posting(String ref, String postingDate, Map<?, ?>... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("requestedBy", "anna");
        body.put("postingDate", postingDate);
        body.put("description", "Omkontering af husleje");
        body.put("lines", List.of(lines));
        return body;
    }

    static Map<String, Object> line(String account, String costCenter, double amount, String vatCode) {
        return Map.of("account", account, "costCenter", costCenter, "amount", amount, "vatCode", vatCode, "text", "Husleje marts");
    }

    private List<Map<String, Object>> journalsOf(String ref) {
        return sandboxRequests("opus").stream()
                .filter(r -> "/api/oekonomi/journals".equals(r.get("path")))
                .filter(r -> ref.equals(((Map<?, ?>) r.get("body")).get("reference")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serviceNowRecord(String ref) {
        List<Map<String, Object>> records = as("demo").getForObject("/sandbox/servicenow/tables/sc_req_item", List.class);
        return records.stream().filter(r -> ref.equals(r.get("number"))).findFirst().orElseThrow();
    }
}
