package dk.kk.ks.flow.reliability;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Who may do what, walked endpoint by endpoint, anonymously and as each role. A cell is the expected HTTP
 * status; 400 and 404 mean "let through, then refused for the body or the id". Deploying is in
 * ProcessOwnerDeploymentTest (it needs a real multipart body). On /api, 401 and 403 are problem details too.
 * The administrators' endpoints (jobs, batches, history cleanup) are walked for every role, through the engine
 * REST API and through the webapps' API.
 */
class AccessMatrixTest extends IntegrationTestCase {

    private static final String[] USERS = {"", "servicenow", "bo", "chef", "procesejer", "demo"};

    /** method, path, body, then the expected status for: anonymous, servicenow, bo, chef, procesejer, demo. */
    private static final Object[][] MATRIX = {
            {"GET", "/api/v1/cases?serviceNowRef=RITM0000001", null, 401, 200, 403, 403, 403, 200},
            {"POST", "/api/v1/invoice-payouts", "{}", 401, 400, 403, 403, 403, 400},
            {"POST", "/api/v1/timesheets/calculation", "{}", 401, 400, 403, 403, 403, 400},
            {"GET", "/api/v1/calendar/holidays?year=2027", null, 401, 200, 403, 403, 403, 200},
            {"GET", "/api/v1/benefits", null, 401, 403, 403, 200, 403, 200},
            {"GET", "/benefits", null, 401, 403, 403, 200, 403, 200},
            {"GET", "/sandbox/opus/requests", null, 401, 403, 403, 403, 403, 200},
            {"PUT", "/sandbox/opus/faults", "{\"failNext\":0}", 401, 403, 403, 403, 403, 200},
            {"GET", "/sandbox/opus/api/debitor/payouts/UDB0", null, 401, 403, 403, 403, 403, 404},
            {"GET", "/sandbox/opus/health", null, 401, 403, 403, 403, 403, 200},
            {"PUT", "/sandbox/opus/health", "{}", 401, 403, 403, 403, 403, 405},
            {"GET", "/engine-rest/task/count", null, 401, 200, 200, 200, 200, 200},
            {"GET", "/actuator/prometheus", null, 401, 403, 403, 403, 403, 200},
            {"GET", "/actuator/health", null, 200, 200, 200, 200, 200, 200},
            {"GET", "/v3/api-docs", null, 200, 200, 200, 200, 200, 200},
    };

    /** Every sandbox user, one of each role (anna and bo share theirs), for the administrators' endpoints. */
    private static final String[] EVERY_ROLE = {"", "servicenow", "anna", "bo", "leder1", "chef", "procesejer", "ksflow-system", "demo"};

    /**
     * Jobs, job definitions, batches, history cleanup and job logs: administrators only, anonymous callers 401,
     * every other role 403. Then the value for demo (camunda-admin). The first administrator's setup: closed to all.
     */
    private static final Object[][] ADMIN_ONLY = {
            {"GET", "/engine-rest/job", null, 200},
            {"GET", "/engine-rest/job/count", null, 200},
            {"GET", "/engine-rest/engine/default/job/count", null, 200},
            {"GET", "/engine-rest/job/no-such-job", null, 404},
            {"PUT", "/engine-rest/job/no-such-job/suspended", "{\"suspended\":true}", 204},
            {"DELETE", "/engine-rest/job/no-such-job", null, 404},
            {"GET", "/engine-rest/job-definition", null, 200},
            {"PUT", "/engine-rest/job-definition/suspended", "{\"suspended\":false,\"processDefinitionKey\":\"no-such-process\"}", 204},
            {"GET", "/engine-rest/batch", null, 200},
            {"GET", "/engine-rest/batch/statistics", null, 200},
            {"GET", "/engine-rest/history/batch", null, 200},
            {"GET", "/engine-rest/history/cleanup/configuration", null, 200},
            {"GET", "/engine-rest/history/cleanup/jobs", null, 200},
            {"POST", "/engine-rest/history/cleanup?immediatelyDue=false", null, 200},
            {"GET", "/engine-rest/history/job-log/count", null, 200},
            {"POST", "/engine-rest/identity/verify", "{\"username\":\"demo\",\"password\":\"demo\"}", 200},
    };

    /** The setup page and its endpoint: 403 for everybody, logged in or not (the administrator comes from configuration). */
    private static final Object[][] CLOSED = {
            {"GET", "/camunda/app/admin/default/setup/", null},
            {"POST", "/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\",\"email\":\"i@example.invalid\"},\"credentials\":{\"password\":\"intruder1\"}}"},
    };

    /** The webapps' copy of the administrators' endpoints, called with a webapp session as Cockpit calls them. */
    private static final String[] WEBAPP_ADMIN_ONLY = {
            "/camunda/api/engine/engine/default/job/count",
            "/camunda/api/engine/engine/default/job-definition/count",
            "/camunda/api/engine/engine/default/batch/count",
            "/camunda/api/engine/engine/default/history/batch/count",
            "/camunda/api/engine/engine/default/history/cleanup/configuration",
            "/camunda/api/engine/engine/default/history/job-log/count",
    };

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    static Stream<Arguments> adminOnlyCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : ADMIN_ONLY) {
            for (String user : EVERY_ROLE) {
                int expected = user.isEmpty() ? 401 : "demo".equals(user) ? (int) row[3] : 403;
                cells.add(Arguments.of(row[0], row[1], row[2], user.isEmpty() ? "anonymous" : user, expected));
            }
        }
        for (Object[] row : CLOSED) {
            for (String user : EVERY_ROLE) {
                cells.add(Arguments.of(row[0], row[1], row[2], user.isEmpty() ? "anonymous" : user, 403));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("adminOnlyCells")
    void jobsBatchesAndHistoryCleanupAreForAdministratorsOnly(String method, String path, String body, String user, int expected) {
        answersAsTheTableSays(method, path, body, user, expected);
    }

    static Stream<String> everyRole() {
        return Stream.of(EVERY_ROLE).filter(user -> !user.isEmpty());
    }

    @ParameterizedTest(name = "Cockpit's API as {0}")
    @MethodSource("everyRole")
    void theWebappsApiForJobsBatchesAndHistoryCleanupIsForAdministratorsOnly(String user) {
        dk.kk.ks.flow.support.OtherClient browser = new dk.kk.ks.flow.support.OtherClient("http://127.0.0.1:" + port, "127.0.0.1");
        browser.webappLogin(user, user, "welcome");
        int expected = "demo".equals(user) ? 200 : 403;
        for (String path : WEBAPP_ADMIN_ONLY) {
            assertThat(browser.webapp(HttpMethod.GET, path, null).getStatusCode().value()).as(path).isEqualTo(expected);
        }
        // The rest of the webapps' engine API is Camunda's authorizations' business, as before.
        assertThat(browser.webapp(HttpMethod.GET, "/camunda/api/engine/engine/default/process-definition/count", null)
                .getStatusCode().value()).isEqualTo(200);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : MATRIX) {
            for (int u = 0; u < USERS.length; u++) {
                cells.add(Arguments.of(row[0], row[1], row[2], USERS[u].isEmpty() ? "anonymous" : USERS[u], row[3 + u]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("cells")
    void answersAsTheTableSays(String method, String path, String body, String user, int expected) {
        TestRestTemplate client = "anonymous".equals(user) ? http : as(user);
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<String> response = client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(expected);
        if (path.startsWith("/api/") && (expected == 401 || expected == 403)) {
            assertProblem(response, expected);
        }
    }
}
