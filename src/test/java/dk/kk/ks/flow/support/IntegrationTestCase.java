package dk.kk.ks.flow.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.cases.CaseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests: the whole application on a random port, with the sandbox simulators, real HTTP
 * between the application and the simulators, and the job executor running. On H2 by default;
 * `mvn test -Ppostgres` runs the same tests on PostgreSQL. All of them share one application context,
 * with metrics exported as in production (Spring Boot tests leave exporters off by default),
 * and whose engine is the "default" one that the REST API serves (other test contexts name theirs uniquely).
 */
@Tag("integration")
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ksflow.jobs.retry-cycle=R5/PT1S",
        "ksflow.notifications.group-mailboxes.oekonomi-chefer=oekonomi-chefer@ksflow.test"})
public abstract class IntegrationTestCase {

    protected static final Duration CASE_TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    protected TestRestTemplate http;

    /** A ServiceNow record number no other test uses (the PostgreSQL database outlives a test class): {@link ServiceNowRefs}. */
    protected static String newServiceNowRef(String prefix) {
        return ServiceNowRefs.newServiceNowRef(prefix);
    }

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    protected ResponseEntity<String> postJson(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    protected ResponseEntity<CaseView> createCase(String caseType, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("servicenow").exchange("/api/v1/" + caseType, HttpMethod.POST, new HttpEntity<>(body, headers), CaseView.class);
    }

    protected CaseView caseView(String caseId) {
        return as("servicenow").getForObject("/api/v1/cases/" + caseId, CaseView.class);
    }

    protected CaseView awaitCase(String caseId, java.util.function.Predicate<CaseView> condition) {
        return await().atMost(CASE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> caseView(caseId), condition);
    }

    protected CaseView awaitStep(String caseId, String step) {
        return awaitCase(caseId, view -> view.currentSteps().contains(step));
    }

    protected CaseView awaitCompleted(String caseId) {
        CaseView view = awaitCase(caseId, v -> v.status() == CaseView.Status.COMPLETED);
        assertThat(view.outcome()).isNotNull();
        return view;
    }

    /** The open tasks of a case, as a user sees them through the engine's REST API. */
    protected List<Map<String, Object>> tasks(String user, String caseId) {
        return getList(user, "/engine-rest/task?processInstanceId=" + caseId);
    }

    /** GET a JSON array, failing with the answer's body when it is not a 2xx. */
    protected List<Map<String, Object>> getList(String user, String path) {
        ResponseEntity<String> response = as(user).getForEntity(path, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("GET " + path + " as " + user + ": " + response.getBody()).isTrue();
        try {
            return JSON.readValue(response.getBody(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("GET " + path + " did not answer a JSON array: " + response.getBody(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Completes a task through the engine's REST API, as Tasklist does, with the given variables. */
    protected ResponseEntity<String> completeTask(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return postJson(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
    }

    /** What a simulator received: GET /sandbox/{system}/requests. */
    protected List<Map<String, Object>> sandboxRequests(String system) {
        return getList("demo", "/sandbox/" + system + "/requests");
    }

    /** The simulator answers its next {@code failNext} calls with {@code status}: an outage in front of it. */
    protected void setFault(String system, int failNext, int status) {
        setFault(system, Map.of("failNext", failNext, "status", status));
    }

    /** The simulator applies its next {@code failNext} writes but answers them with 503, as if the answer was lost. */
    protected void loseAnswers(String system, int failNext) {
        setFault(system, Map.of("failNext", failNext, "status", 503, "answerLost", true));
    }

    private void setFault(String system, Map<String, Object> fault) {
        ResponseEntity<String> response = as("demo").exchange("/sandbox/" + system + "/faults", HttpMethod.PUT,
                jsonEntity(fault), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    }

    /** Switches the simulator's fault off: DELETE /sandbox/{system}/faults. */
    protected void clearFault(String system) {
        ResponseEntity<String> response = as("demo").exchange("/sandbox/" + system + "/faults", HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    }

    protected void putSandboxData(String path, Map<String, Object> body) {
        ResponseEntity<String> response = as("demo").exchange(path, HttpMethod.PUT, jsonEntity(body), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("PUT " + path + ": " + response.getBody()).isTrue();
    }

    /**
     * An employee for {@code PUT /sandbox/opus/employees/{number}}: hired 2010-01-01, 400,000 kr a year, BUF,
     * managed by E20001, no holiday taken, overenskomstansat, no payment card. Tests change what they are about.
     */
    protected static Map<String, Object> sandboxEmployee(String name, String cpr) {
        Map<String, Object> employee = new java.util.LinkedHashMap<>();
        employee.put("name", name);
        employee.put("cpr", cpr);
        employee.put("userId", name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        employee.put("hireDate", "2010-01-01");
        employee.put("annualSalary", 400000.00);
        employee.put("department", "BUF");
        employee.put("managerEmployeeNumber", "E20001");
        employee.put("holidayDaysTakenThisHolidayYear", 0);
        employee.put("employeeType", "OVERENSKOMST");
        employee.put("probation", false);
        employee.put("hasPaymentCard", false);
        return employee;
    }

    /** Completes the case's first open task as the user, through the engine's REST API, and expects it to succeed. */
    protected void completeFirstTask(String user, String caseId, Map<String, Object> variables) {
        String taskId = (String) tasks(user, caseId).get(0).get("id");
        assertThat(completeTask(user, taskId, variables).getStatusCode()).isEqualTo(org.springframework.http.HttpStatus.NO_CONTENT);
    }

    protected static HttpEntity<Object> jsonEntity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
