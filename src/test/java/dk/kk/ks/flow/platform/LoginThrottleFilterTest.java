package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.support.ManualClock;

/** The throttle in front of the logins, with a stand-in for what lies behind it (the password check). */
class LoginThrottleFilterTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String SERVICENOW = "198.51.100.20";

    private final ManualClock clock = new ManualClock(Instant.parse("2027-03-10T08:00:00Z"));
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final LoginThrottleFilter filter = new LoginThrottleFilter(
            new LoginThrottle(new LoginThrottleProperties(true, 10, Duration.ofMinutes(5), 1000), clock), json, "/camunda");
    /** How many requests reached the password check. */
    private final AtomicInteger checked = new AtomicInteger();

    @Test
    void afterTenFailedLoginsTheAddressGets429WithRetryAfterAndItsLoginsAreNoLongerChecked() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(basic(ATTACKER, "servicenow", "guess" + attempt).getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse throttled = basic(ATTACKER, "servicenow", "guess10");
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("30");
        assertThat(throttled.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(throttled.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("type").asText()).isEqualTo(LoginThrottleFilter.PROBLEM_TYPE.toString());
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/cases");

        // The right password is not checked either: a different answer would tell the guesser it had found it.
        assertThat(basic(ATTACKER, "servicenow", "servicenow").getStatus()).isEqualTo(429);
        assertThat(checked).hasValue(10);

        clock.advance(Duration.ofSeconds(30));
        assertThat(basic(ATTACKER, "servicenow", "servicenow").getStatus()).isEqualTo(200);
    }

    @Test
    void theRightPasswordFromAnotherAddressIsNeverHeldUp() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            basic(ATTACKER, "servicenow", "guess" + attempt);
            assertThat(basic(SERVICENOW, "servicenow", "servicenow").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void successfulLoginsAndRequestsWithoutCredentialsNeverCount() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            assertThat(basic(SERVICENOW, "servicenow", "servicenow").getStatus()).isEqualTo(200);
            MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/api/v1/cases");
            anonymous.setRemoteAddr(SERVICENOW);
            assertThat(send(anonymous).getStatus()).isEqualTo(401);
        }

        assertThat(basic(SERVICENOW, "servicenow", "wrong").getStatus()).isEqualTo(401);
    }

    @Test
    void theWebappsLoginFormCountsAndIsThrottledToo() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(webappLogin(ATTACKER, "demo", "guess" + attempt).getStatus()).isEqualTo(401);
        }

        assertThat(webappLogin(ATTACKER, "demo", "guess10").getStatus()).isEqualTo(429);
        assertThat(basic(ATTACKER, "demo", "guess11").getStatus()).isEqualTo(429);
    }

    @Test
    void aTrailingSlashOnTheWebappsLoginCountsToo() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(webappLogin(ATTACKER, "demo", "guess" + attempt, "/camunda/api/admin/auth/user/default/login/tasklist/")
                    .getStatus()).isEqualTo(401);
        }

        assertThat(webappLogin(ATTACKER, "demo", "demo", "/camunda/api/admin/auth/user/default/login/tasklist/").getStatus())
                .isEqualTo(429);
    }

    @Test
    void basicCredentialsOnTheWebappsAreNotALogin() throws Exception {
        // The webapps answer 401 to a call without their session; Basic credentials there are never checked.
        for (int attempt = 0; attempt < 20; attempt++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task");
            request.setRemoteAddr(ATTACKER);
            request.addHeader("Authorization", basicHeader("demo", "guess"));
            assertThat(send(request).getStatus()).isEqualTo(401);
        }

        assertThat(basic(ATTACKER, "demo", "demo").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse basic(String address, String user, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", basicHeader(user, password));
        return send(request);
    }

    private MockHttpServletResponse webappLogin(String address, String user, String password) throws Exception {
        return webappLogin(address, user, password, "/camunda/api/admin/auth/user/default/login/cockpit");
    }

    private MockHttpServletResponse webappLogin(String address, String user, String password, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        request.setContentType("application/x-www-form-urlencoded");
        request.addParameter("username", user);
        request.addParameter("password", password);
        return send(request);
    }

    /** Behind the filter: 401 unless the credentials are user = password, as for the sandbox users. */
    private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            MockHttpServletRequest sent = (MockHttpServletRequest) req;
            String authorization = sent.getHeader("Authorization");
            boolean right;
            if (sent.getRequestURI().contains("/login/")) {
                checked.incrementAndGet();
                right = sent.getParameter("username").equals(sent.getParameter("password"));
            } else if (authorization != null && !sent.getRequestURI().startsWith("/camunda/")) {
                checked.incrementAndGet();
                String[] credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2);
                right = credentials[0].equals(credentials[1]);
            } else {
                right = false;
            }
            ((HttpServletResponse) res).setStatus(right ? 200 : 401);
        });
        return response;
    }

    private static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
