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
