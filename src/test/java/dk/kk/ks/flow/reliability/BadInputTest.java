package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
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

import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Every intake endpoint against malformed, oversized, wrongly typed, out-of-range, injection-shaped and
 * non-UTF-8 bodies: each gets a 4xx problem+json, none starts a case or leaves a row, and the application
 * keeps serving.
 */
class BadInputTest extends IntegrationTestCase {

    private static final List<String> ENDPOINTS = List.of("/api/v1/invoice-payouts", "/api/v1/timesheets", "/api/v1/resignations",
            "/api/v1/dismissals", "/api/v1/service-contract-regulations", "/api/v1/postings", "/api/v1/payment-cards",
            "/api/v1/timesheets/calculation", "/api/v1/dismissals/notice-calculation");

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
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(cases);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ksf_case_intake").query(Long.class).single()).isEqualTo(intakeRows);
        assertThat(as("servicenow").getForEntity("/api/v1/cases?serviceNowRef=RITM0000001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
