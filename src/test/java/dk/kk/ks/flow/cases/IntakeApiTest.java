package dk.kk.ks.flow.cases;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/** The common rules of the intake (docs/servicenow-integration.md), through HTTP: authentication, roles, validation, idempotency, reading. */
class IntakeApiTest extends IntegrationTestCase {

    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void withoutCredentialsTheApiAnswers401() {
        ResponseEntity<String> response = http.postForEntity("/api/v1/invoice-payouts", jsonEntity(payout(newServiceNowRef("RITM"))), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(assertProblem(response, 401).get("title").asText()).isEqualTo("Unauthorized");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"KS Flow\"");
        ResponseEntity<String> engineRest = http.getForEntity("/engine-rest/task", String.class);
        assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engineRest.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("outside /api a 401 stays as it was").isFalse();
        assertThat(engineRest.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"KS Flow\"");
        assertThat(http.getForEntity("/sandbox/opus/requests", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordIs401() {
        // A user no other test signs in as: Camunda delays a user's next login after a failed one, and the tests of
        // this application context run one after the other (leder2 here made FourEyesForgeryIntegrationTest's
        // logins fail).
        ResponseEntity<String> response = http.withBasicAuth("ingen-saadan-bruger", "wrong")
                .getForEntity("/api/v1/cases?serviceNowRef=RITM0000001", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(response, 401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"KS Flow\"");
    }

    @Test
    void aUserWithoutTheIntakeRoleGets403() {
        String ref = newServiceNowRef("RITM");
        assertThat(postJson("bo", "/api/v1/invoice-payouts", payout(ref)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson("chef", "/api/v1/invoice-payouts", payout(ref)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(assertProblem(postJson("bo", "/api/v1/invoice-payouts", payout(ref)), 403).get("title").asText()).isEqualTo("Forbidden");
        assertProblem(as("bo").getForEntity("/api/v1/cases?serviceNowRef=" + ref, String.class), 403);
        ResponseEntity<String> sandbox = as("anna").getForEntity("/sandbox/opus/requests", String.class);
        assertThat(sandbox.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(sandbox.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("outside /api a 403 stays as it was").isFalse();
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
        JsonNode problem = assertProblem(response, 400);
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
        JsonNode problem = assertProblem(postJson("servicenow", "/api/v1/invoice-payouts", body), 400);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("amount");
    }

    @Test
    void everyFieldOfTheWrongTypeIsNamedAtOnceTogetherWithTheInvalidOnes() {
        String ref = newServiceNowRef("RITM");
        Map<String, Object> payout = payout(ref);
        payout.put("amount", "abc");
        payout.put("debtorNumber", 100234);
        payout.put("reason", List.of("Tilbagebetaling"));
        payout.put("requestedBy", Map.of("userId", "anna"));
        payout.put("payee", " ");
        JsonNode problem = assertProblem(postJson("servicenow", "/api/v1/invoice-payouts", payout), 400);
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("amount", "debtorNumber", "reason", "requestedBy", "payee");
        assertThat(problem.get("errors")).allSatisfy(error -> assertThat(error.get("message").asText()).isNotBlank());

        Map<String, Object> timesheet = new LinkedHashMap<>();
        timesheet.put("serviceNowRef", ref);
        timesheet.put("employeeNumber", 10001);
        timesheet.put("agreement", "KK-STANDARD");
        timesheet.put("lines", List.of(
                Map.of("date", "2027-02-30", "start", "15:00", "end", "23:30", "kind", "NORMAL"),
                Map.of("date", "2027-03-27", "start", "25:00", "end", 6, "kind", "LATE"),
                "not a line",
                Map.of("date", "2027-03-28", "start", "08:00", "end", "16:00", "kind", "NORMAL")));
        problem = assertProblem(postJson("servicenow", "/api/v1/timesheets", timesheet), 400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "employeeNumber", "lines[0].date", "lines[1].start", "lines[1].end", "lines[1].kind", "lines[2]");
        assertThat(messageOf(problem, "lines[0].date")).contains("yyyy-MM-dd");
        assertThat(messageOf(problem, "lines[1].start")).contains("HH:mm");
        assertThat(messageOf(problem, "lines[1].kind")).contains("NORMAL").contains("OVERTIME");

        // An enum by its index and a date as a number: Jackson would take both.
        Map<String, Object> resignation = new LinkedHashMap<>(Map.of("serviceNowRef", ref, "employeeNumber", "E10001",
                "lastWorkingDay", 20270531, "reason", 0, "reportedBy", "leder1"));
        problem = assertProblem(postJson("servicenow", "/api/v1/resignations", resignation), 400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("lastWorkingDay", "reason");
        assertThat(startedCases(ref)).isZero();
        assertThat(intakeRows(ref)).isZero();
    }

    @Test
    void aBodyThatIsNotApplicationJsonIs415ProblemAndStartsNothing() throws Exception {
        String ref = newServiceNowRef("RITM");
        String json = objectMapper.writeValueAsString(payout(ref));
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/merge-patch+json")) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
            ResponseEntity<String> response = as("servicenow").exchange("/api/v1/invoice-payouts", HttpMethod.POST,
                    new HttpEntity<>(json, headers), String.class);
            assertThat(assertProblem(response, 415).get("title").asText()).as(contentType).isEqualTo("Unsupported media type");
        }

        // Without any Content-Type, or with one that is no media type (RestTemplate sends neither, the JDK's client does).
        for (String contentType : java.util.Arrays.asList(null, "not a media type")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/v1/invoice-payouts"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("servicenow:servicenow".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (contentType != null) {
                request.header(HttpHeaders.CONTENT_TYPE, contentType);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
            assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElseThrow()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        assertThat(startedCases(ref)).isZero();
        assertThat(intakeRows(ref)).isZero();

        HttpHeaders withCharset = new HttpHeaders();
        withCharset.set(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8");
        assertThat(as("servicenow").exchange("/api/v1/invoice-payouts", HttpMethod.POST, new HttpEntity<>(json, withCharset), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void danishLettersTabsAndNewlinesAreOrdinaryText() {
        Map<String, Object> body = payout(newServiceNowRef("RITM"));
        body.put("payee", "Søren Ærø-Østergård");
        body.put("reason", "Tilbagebetaling:\n\tfor meget betalt i ÅÅÅÅ");
        assertThat(createCase("invoice-payouts", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aProcessInstanceThatIsNotACaseIs404AndIsNotFoundByItsRecord() {
        // The nightly reconciliation is no case type: started at its end, it ends at once and leaves only history.
        String robotRef = newServiceNowRef("RITM");
        ProcessInstance robot = runtimeService.createProcessInstanceByKey("robot-resignation-reconciliation")
                .businessKey(robotRef).startBeforeActivity("End_Done").execute();
        assertProblem(as("servicenow").getForEntity("/api/v1/cases/" + robot.getId(), String.class), 404);
        assertThat(getList("servicenow", "/api/v1/cases?serviceNowRef=" + robotRef)).isEmpty();

        // A dismissal calls the resignation process: that instance is part of the dismissal case, not a case of its own.
        String dismissalRef = newServiceNowRef("RITM");
        ProcessInstance dismissal = runtimeService.createProcessInstanceByKey("dismissal").businessKey(dismissalRef)
                .setVariables(Map.of("employeeNumber", "E0" + dismissalRef.substring(4), "terminationDate", "2027-05-31",
                        "requestedBy", "leder1"))
                .startBeforeActivity("CallActivity_Resignation").execute();
        try {
            HistoricProcessInstance resignation = await().atMost(CASE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(dismissal.getId()).singleResult(),
                            instance -> instance != null);
            assertThat(resignation.getProcessDefinitionKey()).isEqualTo("resignation");
            assertThat(resignation.getBusinessKey()).isEqualTo(dismissalRef);
            assertProblem(as("servicenow").getForEntity("/api/v1/cases/" + resignation.getId(), String.class), 404);
            assertThat(caseView(dismissal.getId()).caseType()).isEqualTo("dismissals");
            assertThat(getList("servicenow", "/api/v1/cases?serviceNowRef=" + dismissalRef))
                    .extracting(view -> view.get("caseId")).containsExactly(dismissal.getId());
        } finally {
            await().atMost(CASE_TIMEOUT).ignoreExceptions().untilAsserted(() ->
                    runtimeService.deleteProcessInstanceIfExists(dismissal.getId(), "test", true, true, true, false));
        }
    }

    @Test
    void aBodyThatIsNotJsonOrTooLargeIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> notJson = as("servicenow").exchange("/api/v1/invoice-payouts", HttpMethod.POST,
                new HttpEntity<>("{\"serviceNowRef\": RITM", headers), String.class);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertProblem(notJson, 400);

        String huge = "{\"serviceNowRef\":\"RITM0000009\",\"reason\":\"" + "x".repeat(1_100_000) + "\"}";
        ResponseEntity<String> tooLarge = as("servicenow").exchange("/api/v1/invoice-payouts", HttpMethod.POST,
                new HttpEntity<>(huge, headers), String.class);
        assertThat(tooLarge.getStatusCode().value()).isIn(400, 413);
        assertProblem(tooLarge, tooLarge.getStatusCode().value());
        assertThat(startedCases("RITM0000009")).isZero();
    }

    @Test
    void aMissingOrWronglyTypedQueryParameterIsNamed() {
        JsonNode problem = assertProblem(as("servicenow").getForEntity("/api/v1/cases", String.class), 400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("serviceNowRef");
        problem = assertProblem(as("servicenow").getForEntity("/api/v1/calendar/holidays?year=abc", String.class), 400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("year");
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
        assertProblem(conflict, 409);
        assertThat(conflict.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        assertThat(startedCases(ref)).isEqualTo(1);
    }

    @Test
    void retriesSentAtTheSameMomentGetOneCaseAndEveryAnswerNamesIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            String ref = newServiceNowRef("RITM");
            Map<String, Object> body = payout(ref);
            int senders = 6;
            CyclicBarrier together = new CyclicBarrier(senders);
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                List<Future<ResponseEntity<CaseView>>> answers = new ArrayList<>();
                for (int i = 0; i < senders; i++) {
                    answers.add(pool.submit(() -> {
                        together.await();
                        return createCase("invoice-payouts", body);
                    }));
                }
                List<ResponseEntity<CaseView>> responses = new ArrayList<>();
                for (Future<ResponseEntity<CaseView>> answer : answers) {
                    responses.add(answer.get(1, TimeUnit.MINUTES));
                }
                assertThat(responses).extracting(ResponseEntity::getStatusCode)
                        .as("one request creates the case, the others are answered with it")
                        .containsOnly(HttpStatus.CREATED, HttpStatus.OK)
                        .filteredOn(HttpStatus.CREATED::equals).hasSize(1);
                assertThat(responses).extracting(response -> response.getBody().caseId()).containsOnly(responses.get(0).getBody().caseId());
                assertThat(startedCases(ref)).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void casesAreReadByIdAndByServiceNowRef() {
        String ref = newServiceNowRef("RITM");
        CaseView created = createCase("invoice-payouts", payout(ref)).getBody();
        // The answer to the start is read in the start's own transaction, before the first (asynchronous) step.
        assertThat(created.caseType()).isEqualTo("invoice-payouts");
        assertThat(created.serviceNowRef()).isEqualTo(ref);
        assertThat(created.status()).isEqualTo(CaseView.Status.ACTIVE);
        assertThat(created.outcome()).isNull();

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
        assertProblem(unknownCase, 404);

        ResponseEntity<String> unknownType = postJson("servicenow", "/api/v1/coffee-orders", payout(newServiceNowRef("RITM")));
        assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(unknownType, 404);
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
        for (String status : List.of("401", "403", "415")) {
            assertThat(create.at("/responses/" + status + "/content/application~1problem+json").isMissingNode()).as(status).isFalse();
            assertThat(api.at("/paths/~1api~1v1~1timesheets~1calculation/post/responses/" + status + "/content/application~1problem+json")
                    .isMissingNode()).as(status).isFalse();
        }
        for (String status : List.of("401", "403")) {
            assertThat(api.at("/paths/~1api~1v1~1cases~1{caseId}/get/responses/" + status + "/content/application~1problem+json")
                    .isMissingNode()).as(status).isFalse();
        }
    }

    private static String messageOf(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (field.equals(error.get("field").asText())) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("No error for " + field + " in " + problem);
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
