package dk.kk.ks.flow.servicecontract;

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

/** Regulations from ServiceNow's POST through the contract register in ServiceNow to Opus Økonomi, with the sandbox. */
class ServiceContractRegulationIntegrationTest extends IntegrationTestCase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theContractExampleIsPostedExactlyOnceWhileOpusFailsTwiceFirst() {
        String ref = newServiceNowRef("RITM");
        setFault("opus", 2, 503);
        ResponseEntity<CaseView> created = createCase("service-contract-regulations", regulation(ref, "SK-2027-0042", "BUF", "2027-04-01", -3));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().caseId();

        CaseView done = awaitCompleted(caseId);

        assertThat(done.outcome()).isEqualTo("POSTED");
        assertThat(((Number) done.result().get("amount")).doubleValue()).isEqualTo(-12150.00); // -3 x 450.00 x 9 months
        assertThat(done.result()).containsEntry("automatic", true);
        assertThat(failedJobs(caseId)).as("the two outages, retried by the engine").hasSize(2);
        List<Map<String, Object>> settlements = settlementsOf(ref);
        assertThat(settlements).hasSize(1);
        assertThat(settlements.get(0)).containsEntry("status", 201).containsEntry("replayed", false);
        Map<?, ?> sent = (Map<?, ?>) settlements.get(0).get("body");
        assertThat(sent.get("contractNumber")).isEqualTo("SK-2027-0042");
        assertThat(new java.math.BigDecimal(sent.get("amount").toString())).isEqualByComparingTo("-12150.00");
        assertThat(serviceNowRecord(ref)).containsEntry("state", "3");
        assertThat((String) serviceNowRecord(ref).get("work_notes")).contains("Udfald: Bogført.").contains("Beløb: -12.150,00 kr.");
    }

    @Test
    void aLargeRegulationOnANewContractWaitsForKsOekonomi() {
        String contract = "SK-TEST-" + newServiceNowRef("X").substring(1);
        putSandboxData("/sandbox/servicenow/contracts/" + contract,
                Map.of("department", "KFF", "unitPricePerMonth", 2000.00, "activeFrom", "2027-01-01", "activeTo", "2027-12-31"));
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("service-contract-regulations", regulation(ref, contract, "KFF", "2027-01-01", 5)).getBody().caseId();

        CaseView waiting = awaitStep(caseId, "Gennemgå regulering");
        assertThat(((Number) waiting.result().get("amount")).doubleValue()).isEqualTo(120000.00);
        assertThat(waiting.result()).containsEntry("automatic", false);
        assertThat(settlementsOf(ref)).isEmpty();

        String taskId = (String) tasks("bo", caseId).get(0).get("id");
        ResponseEntity<String> noComment = completeTask("bo", taskId, Map.of("approved", false));
        assertThat(noComment.getBody()).contains("begrundelse");
        assertThat(completeTask("bo", taskId, Map.of("approved", false, "comment", "Antallet er forkert")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("REJECTED");
        assertThat(done.reasons()).containsExactly("REJECTED_BY_REVIEWER");
        assertThat(settlementsOf(ref)).isEmpty();
    }

    @Test
    void aContractOfAnotherDepartmentThatHasEndedIsRejectedWithBothReasons() {
        String ref = newServiceNowRef("RITM");
        CaseView done = awaitCompleted(createCase("service-contract-regulations",
                regulation(ref, "SK-2026-0017", "BUF", "2027-04-01", 2)).getBody().caseId());

        assertThat(done.outcome()).isEqualTo("REJECTED");
        assertThat(done.reasons()).containsExactly("CONTRACT_INACTIVE", "WRONG_DEPARTMENT");
        assertThat(serviceNowRecord(ref)).containsEntry("state", "4");
        assertThat((String) serviceNowRecord(ref).get("work_notes"))
                .contains("Servicekontrakten er ikke aktiv på ikrafttrædelsesdatoen; Servicekontrakten tilhører en anden forvaltning.");
    }

    @Test
    void anUnknownContractIsRejected() {
        CaseView done = awaitCompleted(createCase("service-contract-regulations",
                regulation(newServiceNowRef("RITM"), "SK-1999-0001", "BUF", "2027-04-01", 2)).getBody().caseId());

        assertThat(done.reasons()).containsExactly("UNKNOWN_CONTRACT");
        assertThat(done.result()).containsEntry("amount", null);
    }

    @Test
    void aMidMonthStartAZeroChangeAndNoDepartmentAre400() throws Exception {
        Map<String, Object> body = regulation(newServiceNowRef("RITM"), "SK-2027-0042", " ", "2027-04-15", 0);

        ResponseEntity<String> response = postJson("servicenow", "/api/v1/service-contract-regulations", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("department", "effectiveFrom", "quantityChange");
    }

    @Test
    void aFractionOfAUnitIs400AndAWholeNumberWrittenWithDecimalsIsNot() throws Exception {
        Map<String, Object> body = regulation(newServiceNowRef("RITM"), "SK-2027-0042", "BUF", "2027-04-01", 0);
        body.put("quantityChange", 2.5);
        ResponseEntity<String> fraction = postJson("servicenow", "/api/v1/service-contract-regulations", body);
        assertThat(fraction.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(fraction.getBody()).get("errors").findValuesAsText("field")).containsExactly("quantityChange");

        body.put("quantityChange", -3.0);
        assertThat(postJson("servicenow", "/api/v1/service-contract-regulations", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void bothCaseTypesAreDescribedInTheApiDescription() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));
        assertThat(api.at("/paths/~1api~1v1~1service-contract-regulations/post").isMissingNode()).isFalse();
        assertThat(api.at("/paths/~1api~1v1~1postings/post").isMissingNode()).isFalse();
        assertThat(api.at("/components/schemas/ServiceContractRegulationRequest/properties/effectiveFrom").isMissingNode()).isFalse();
        assertThat(api.at("/components/schemas/PostingLine/properties/vatCode").isMissingNode()).isFalse();
        assertThat(api.at("/components/schemas/ServiceContractRegulationRequest/properties/quantityChange/type").asText()).isEqualTo("integer");
    }

    static Map<String, Object> regulation(String ref, String contract, String department, String effectiveFrom, int quantityChange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("contractNumber", contract);
        body.put("department", department);
        body.put("effectiveFrom", effectiveFrom);
        body.put("quantityChange", quantityChange);
        body.put("reason", "Færre medarbejdere");
        return body;
    }

    private List<Map<String, Object>> settlementsOf(String ref) {
        return sandboxRequests("opus").stream()
                .filter(r -> "/api/oekonomi/internal-settlements".equals(r.get("path")))
                .filter(r -> ref.equals(((Map<?, ?>) r.get("body")).get("reference")))
                .toList();
    }

    private List<Map<String, Object>> failedJobs(String caseId) {
        return getList("demo", "/engine-rest/history/job-log?processInstanceId=" + caseId + "&failureLog=true");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serviceNowRecord(String ref) {
        List<Map<String, Object>> records = as("demo").getForObject("/sandbox/servicenow/tables/sc_req_item", List.class);
        return records.stream().filter(r -> ref.equals(r.get("number"))).findFirst().orElseThrow();
    }
}
