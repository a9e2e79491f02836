package dk.kk.ks.flow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.support.IntegrationTestCase;

/** The common rules of CONTRACT.md, through HTTP: authentication, roles, validation, idempotency, reading. */
class IntakeApiTest extends IntegrationTestCase {

    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void withoutCredentialsTheApiAnswers401() {
        ResponseEntity<String> response = http.postForEntity("/api/v1/invoice-payouts", jsonEntity(payout(newServiceNowRef("RITM"))), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/sandbox/opus/requests", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordIs401() {
        // Not the servicenow user: Camunda delays a user's next login after a failed one.
        ResponseEntity<String> response = http.withBasicAuth("leder2", "wrong")
                .getForEntity("/api/v1/cases?serviceNowRef=RITM0000001", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aUserWithoutTheIntakeRoleGets403() {
        String ref = newServiceNowRef("RITM");
        assertThat(postJson("bo", "/api/v1/invoice-payouts", payout(ref)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson("chef", "/api/v1/invoice-payouts", payout(ref)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("anna").getForEntity("/sandbox/opus/requests", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(startedCases(ref)).isZero();
    }

    @Test
    void anInvalidBodyIs400ProblemNamingEveryFieldAndStartsNothing() throws Exception {
        String ref = newServiceNowRef("RITM");
        Map<String, Object> body = payout(ref);
        body.put("debtorNumber", "12-34");
        body.put("amount", -5);
        body.put("payee", " ");
        body.put("requestedBy", "nobody-we-know");
        body.put("somethingUnknown", "ignored");

        ResponseEntity<String> response = postJson("servicenow", "/api/v1/invoice-payouts", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = objectMapper.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("amount", "debtorNumber", "payee", "requestedBy");
        assertThat(startedCases(ref)).isZero();
        assertThat(intakeRows(ref)).isZero();
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        Map<String, Object> body = payout(newServiceNowRef("RITM"));
        body.put("amount", "tolv tusind");
        JsonNode problem = objectMapper.readTree(postJson("servicenow", "/api/v1/invoice-payouts", body).getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("amount");
    }

    @Test
    void aBodyThatIsNotJsonOrTooLargeIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> notJson = as("servicenow").exchange("/api/v1/invoice-payouts", HttpMethod.POST,
                new HttpEntity<>("{\"serviceNowRef\": RITM", headers), String.class);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        String huge = "{\"serviceNowRef\":\"RITM0000009\",\"reason\":\"" + "x".repeat(1_100_000) + "\"}";
        ResponseEntity<String> tooLarge = as("servicenow").exchange("/api/v1/invoice-payouts", HttpMethod.POST,
                new HttpEntity<>(huge, headers), String.class);
        assertThat(tooLarge.getStatusCode().value()).isIn(400, 413);
        assertThat(startedCases("RITM0000009")).isZero();
    }

    @Test
    void aRetryWithAnEqualBodyReturnsTheSameCaseAndADifferentBodyIs409() {
        String ref = newServiceNowRef("RITM");
        Map<String, Object> body = payout(ref);
        ResponseEntity<CaseView> first = createCase("invoice-payouts", body);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> sameAmountWrittenDifferently = new LinkedHashMap<>(body);
        sameAmountWrittenDifferently.put("amount", 12500);
        sameAmountWrittenDifferently.put("unknownField", true);
        ResponseEntity<CaseView> retry = createCase("invoice-payouts", sameAmountWrittenDifferently);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody().caseId()).isEqualTo(first.getBody().caseId());

        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put("amount", 12600.00);
        ResponseEntity<String> conflict = postJson("servicenow", "/api/v1/invoice-payouts", changed);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        assertThat(startedCases(ref)).isEqualTo(1);
    }

    @Test
    void casesAreReadByIdAndByServiceNowRef() {
        String ref = newServiceNowRef("RITM");
        CaseView created = createCase("invoice-payouts", payout(ref)).getBody();

        CaseView read = caseView(created.caseId());
        assertThat(read.caseType()).isEqualTo("invoice-payouts");
        assertThat(read.serviceNowRef()).isEqualTo(ref);
        assertThat(read.status()).isIn(CaseView.Status.ACTIVE, CaseView.Status.COMPLETED);

        List<Map<String, Object>> found = getList("servicenow", "/api/v1/cases?serviceNowRef=" + ref);
        assertThat(found).extracting(view -> view.get("caseId")).containsExactly(created.caseId());
        assertThat(getList("servicenow", "/api/v1/cases?serviceNowRef=RITM9999999")).isEmpty();
    }

    @Test
    void anUnknownCaseOrCaseTypeIs404Problem() {
        ResponseEntity<String> unknownCase = as("servicenow").getForEntity("/api/v1/cases/no-such-case", String.class);
        assertThat(unknownCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownCase.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        ResponseEntity<String> unknownType = postJson("servicenow", "/api/v1/coffee-orders", payout(newServiceNowRef("RITM")));
        assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theOpenApiDescriptionIsPublicAndDescribesEachCaseType() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode api = objectMapper.readTree(response.getBody());
        JsonNode create = api.at("/paths/~1api~1v1~1invoice-payouts/post");
        assertThat(create.isMissingNode()).isFalse();
        assertThat(create.at("/responses").fieldNames()).toIterable().contains("200", "201", "400", "409");
        assertThat(api.at("/components/schemas/InvoicePayoutRequest/properties/amount").isMissingNode()).isFalse();
        assertThat(api.at("/paths/~1api~1v1~1cases~1{caseId}/get").isMissingNode()).isFalse();
    }

    private long startedCases(String ref) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).count();
    }

    private long intakeRows(String ref) {
        return jdbc.sql("SELECT COUNT(*) FROM ksf_case_intake WHERE service_now_ref = ?").param(ref).query(Long.class).single();
    }

    private static Map<String, Object> payout(String ref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", 12500.00);
        body.put("reason", "Tilbagebetaling af for meget betalt");
        body.put("requestedBy", "anna");
        return body;
    }
}
