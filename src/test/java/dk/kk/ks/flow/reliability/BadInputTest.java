package dk.kk.ks.flow.reliability;

import static dk.kk.ks.flow.support.ProblemAnswers.assertNoInternals;
import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.CaseTypes;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Every intake endpoint against malformed, oversized, wrongly typed, out-of-range, injection-shaped and
 * non-UTF-8 bodies, bodies that are not application/json, and text that hides what it says: each gets a 4xx
 * problem+json that shows no internals, none starts a case or leaves a row, and the application keeps serving.
 */
class BadInputTest extends IntegrationTestCase {

    private static final List<String> ENDPOINTS = List.of("/api/v1/invoice-payouts", "/api/v1/timesheets", "/api/v1/resignations",
            "/api/v1/dismissals", "/api/v1/service-contract-regulations", "/api/v1/postings", "/api/v1/payment-cards",
            "/api/v1/timesheets/calculation", "/api/v1/dismissals/notice-calculation", "/api/v1/cases/no-such-case/hearing-reply");

    /** NUL, and the Unicode controls that make text display in another order than it is stored. */
    private static final List<String> HIDING_CHARACTERS = List.of("0000", "202A", "202B", "202C", "202D", "202E",
            "2066", "2067", "2068", "2069");

    /** A valid body for each endpoint that takes text (the examples of docs/servicenow-integration.md). */
    private static final Map<String, String> VALID_BODIES = validBodies();

    private static final List<Object[]> BODIES = List.of(
            new Object[] {"not JSON", "{\"serviceNowRef\": RITM".getBytes(StandardCharsets.UTF_8)},
            new Object[] {"empty body", new byte[0]},
            new Object[] {"a JSON array", "[1,2,3]".getBytes(StandardCharsets.UTF_8)},
            new Object[] {"a JSON string", "\"RITM0000001\"".getBytes(StandardCharsets.UTF_8)},
            new Object[] {"wrong types", "{\"serviceNowRef\": 42, \"amount\": \"mange\", \"lines\": \"x\", \"lastWorkingDay\": true, \"hireDate\": 7}"
                    .getBytes(StandardCharsets.UTF_8)},
            new Object[] {"negative and out of range", ("{\"serviceNowRef\":\"RITM0000001\",\"amount\":-5,\"monthlyLimit\":-1,"
                    + "\"quantityChange\":0,\"lastWorkingDay\":\"2027-13-45\",\"hireDate\":\"2027-02-30\",\"effectiveFrom\":\"2027-04-15\"}")
                    .getBytes(StandardCharsets.UTF_8)},
            new Object[] {"injection-shaped", "{\"serviceNowRef\":\"RITM0000001'; DROP TABLE ksf_case_intake; --\",\"employeeNumber\":\"<script>\"}"
                    .getBytes(StandardCharsets.UTF_8)},
            new Object[] {"not UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}},
            new Object[] {"over 1 MiB", ("{\"serviceNowRef\":\"RITM0000001\",\"reason\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8)});

    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseTypes caseTypes;
    @Autowired
    ObjectMapper objectMapper;

    static Stream<Arguments> badRequests() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            for (Object[] body : BODIES) {
                cases.add(Arguments.of(endpoint, body[0], body[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemAndLeavesNothingBehind(String endpoint, String kind, byte[] body) {
        long cases = historyService.createHistoricProcessInstanceQuery().count();
        long intakeRows = jdbc.sql("SELECT COUNT(*) FROM ksf_case_intake").query(Long.class).single();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = as("servicenow").exchange(endpoint, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode().is4xxClientError()).as(response.getStatusCode() + " " + response.getBody()).isTrue();
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertNoInternals(response.getBody());
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(cases);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ksf_case_intake").query(Long.class).single()).isEqualTo(intakeRows);
        assertThat(as("servicenow").getForEntity("/api/v1/cases?serviceNowRef=RITM0000001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    static Stream<Arguments> notJsonMediaTypes() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/octet-stream")) {
                cases.add(Arguments.of(endpoint, contentType));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notJsonMediaTypes")
    void aBodyThatIsNotApplicationJsonIs415(String endpoint, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        String body = VALID_BODIES.getOrDefault(endpoint, "{\"hireDate\":\"2020-01-15\",\"noticeDate\":\"2022-11-10\"}");
        assertProblem(as("servicenow").exchange(endpoint, HttpMethod.POST, new HttpEntity<>(body, headers), String.class), 415);
    }

    @Test
    void everyCaseTypeHasAValidBodyHere() {
        assertThat(VALID_BODIES.keySet()).containsAll(caseTypes.all().stream().map(type -> "/api/v1/" + type.name()).toList());
    }

    static Stream<Arguments> textValues() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Arguments> cases = new ArrayList<>();
        int next = 0;
        for (Map.Entry<String, String> endpoint : VALID_BODIES.entrySet()) {
            for (String field : textFields(json.readTree(endpoint.getValue()), "")) {
                cases.add(Arguments.of(endpoint.getKey(), field, HIDING_CHARACTERS.get(next++ % HIDING_CHARACTERS.size())));
            }
        }
        return cases.stream();
    }

    /**
     * Every text value of every body, nested ones too, refuses NUL and the bidirectional controls, so an approver
     * sees what was sent; the answer names that field and nothing else.
     */
    @ParameterizedTest(name = "{0} {1}: U+{2}")
    @MethodSource("textValues")
    void textThatHidesWhatItSaysIsRefusedNamingTheField(String endpoint, String field, String codePoint) throws Exception {
        JsonNode body = objectMapper.readTree(VALID_BODIES.get(endpoint));
        insert(body, field, character(codePoint));

        ResponseEntity<String> response = postJson("servicenow", endpoint, body);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").findValuesAsText("field")).containsOnly(field);
    }

    @Test
    void everyHidingCharacterIsRefusedAnywhereInAText() throws Exception {
        for (String codePoint : HIDING_CHARACTERS) {
            String character = character(codePoint);
            for (String payee : List.of(character + "Jens Hansen", "Jens" + character + "Hansen", "Jens Hansen" + character)) {
                ObjectNode body = (ObjectNode) objectMapper.readTree(VALID_BODIES.get("/api/v1/invoice-payouts"));
                body.put("payee", payee);
                JsonNode problem = assertProblem(postJson("servicenow", "/api/v1/invoice-payouts", body), 400);
                assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("payee");
                assertThat(problem.get("errors").get(0).get("message").asText()).contains("bidirectional");
            }
        }
    }

    private static String character(String hexCodePoint) {
        return Character.toString(Integer.parseInt(hexCodePoint, 16));
    }

    /** The paths (as errors[] names them) of every JSON string in the tree. */
    private static List<String> textFields(JsonNode node, String path) {
        List<String> fields = new ArrayList<>();
        if (node.isTextual()) {
            fields.add(path);
        } else if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.addAll(textFields(node.get(name), path.isEmpty() ? name : path + "." + name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.addAll(textFields(node.get(i), path + "[" + i + "]"));
            }
        }
        return fields;
    }

    /** Puts the character into the middle of the text at the path. */
    private static void insert(JsonNode body, String path, String character) {
        JsonNode parent = body;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int index = -1;
            if (step.endsWith("]")) {
                index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                step = step.substring(0, step.indexOf('['));
            }
            boolean last = i == steps.length - 1;
            if (last && index < 0) {
                String text = parent.get(step).asText();
                ((ObjectNode) parent).put(step, text.substring(0, text.length() / 2) + character + text.substring(text.length() / 2));
            } else if (last) {
                ArrayNode array = (ArrayNode) parent.get(step);
                String text = array.get(index).asText();
                array.set(index, text.substring(0, text.length() / 2) + character + text.substring(text.length() / 2));
            } else {
                parent = index < 0 ? parent.get(step) : parent.get(step).get(index);
            }
        }
    }

    private static Map<String, String> validBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/api/v1/invoice-payouts", """
                {"serviceNowRef": "RITM0000001", "debtorNumber": "100234", "payee": "Jens Hansen",
                 "amount": 12500.00, "reason": "Tilbagebetaling af for meget betalt", "requestedBy": "anna"}""");
        bodies.put("/api/v1/timesheets", """
                {"serviceNowRef": "RITM0000002", "employeeNumber": "E10001", "agreement": "KK-STANDARD",
                 "lines": [{"date": "2027-03-26", "start": "15:00", "end": "23:30", "kind": "NORMAL"},
                           {"date": "2027-03-27", "start": "22:00", "end": "06:00", "kind": "OVERTIME"}]}""");
        bodies.put("/api/v1/timesheets/calculation", """
                {"employeeNumber": "E10001", "agreement": "KK-STANDARD", "hourlyWage": 250.00,
                 "lines": [{"date": "2027-03-26", "start": "15:00", "end": "23:30", "kind": "NORMAL"}]}""");
        bodies.put("/api/v1/resignations", """
                {"serviceNowRef": "RITM0000003", "employeeNumber": "E10001", "lastWorkingDay": "2027-05-31",
                 "reason": "RESIGNATION", "reportedBy": "leder1"}""");
        bodies.put("/api/v1/dismissals", """
                {"serviceNowRef": "RITM0000004", "employeeNumber": "E10001", "reasonCategory": "WORK_SHORTAGE",
                 "reasonText": "Nedlæggelse af stilling", "requestedBy": "leder1"}""");
        bodies.put("/api/v1/cases/no-such-case/hearing-reply", """
                {"receivedAt": "2027-04-10T09:00:00+02:00", "summary": "Medarbejderen er uenig"}""");
        bodies.put("/api/v1/service-contract-regulations", """
                {"serviceNowRef": "RITM0000005", "contractNumber": "SK-2027-0042", "department": "BUF",
                 "effectiveFrom": "2027-04-01", "quantityChange": -3, "reason": "Færre medarbejdere"}""");
        bodies.put("/api/v1/postings", """
                {"serviceNowRef": "RITM0000006", "requestedBy": "anna", "postingDate": "2027-03-15",
                 "description": "Omkontering af husleje",
                 "lines": [{"account": "44120000", "costCenter": "1010101010", "amount": 1500.00, "vatCode": "I25", "text": "Husleje"},
                           {"account": "44120000", "costCenter": "1010202020", "amount": -1500.00, "vatCode": "I25", "text": "Husleje"}]}""");
        bodies.put("/api/v1/payment-cards", """
                {"serviceNowRef": "RITM0000007", "action": "ORDER", "employeeNumber": "E10001",
                 "monthlyLimit": 20000, "requestedBy": "leder1"}""");
        return bodies;
    }
}
