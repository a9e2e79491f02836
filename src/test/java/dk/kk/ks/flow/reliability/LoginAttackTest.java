package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.platform.LoginThrottleProperties;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.OtherClient;

/**
 * Wrong passwords cannot be turned against the user they name: however many arrive, from however many
 * addresses, the right password keeps working and the user is never locked. Failed logins are throttled per
 * client address instead: after max-failures an address gets 429 with Retry-After, on the API and on the
 * webapps' login alike, while every other address logs in as usual. Each test attacks from loopback addresses
 * of its own (127.0.0.x), so the tests' usual address, 127.0.0.1, is never throttled.
 */
class LoginAttackTest extends IntegrationTestCase {

    private static final String CASES = "/api/v1/cases?serviceNowRef=RITM0000001";

    @Autowired
    IdentityService identityService;
    @Autowired
    LoginThrottleProperties throttle;
    @Autowired
    ObjectMapper objectMapper;
    @LocalServerPort
    int port;

    @AfterEach
    void servicenowLogsInOnceMore() {
        // A successful check clears the failed attempts the engine still counts (harmless now, but tidy for later tests).
        identityService.checkPassword("servicenow", "servicenow");
    }

    @Test
    void wrongPasswordsForServiceNowFromManyAddressesNeverMakeTheRightOneFailNorLockTheUser() {
        int failures = 0;
        for (String address : List.of("127.0.0.21", "127.0.0.22", "127.0.0.23", "127.0.0.24")) {
            OtherClient attacker = client(address);
            for (int attempt = 0; attempt < throttle.maxFailures(); attempt++) {
                assertThat(attacker.get(CASES, "servicenow", "guess-" + attempt).getStatusCode().value()).isEqualTo(401);
                failures++;
                // ServiceNow's next call, right after the wrong password: its remembered login was not thrown away ...
                assertThat(as("servicenow").getForEntity(CASES, String.class).getStatusCode().value()).isEqualTo(200);
                // ... and the identity service itself, asked directly, neither delays nor locks the user.
                assertThat(identityService.checkPassword("servicenow", "servicenow")).as("after %d wrong passwords", failures).isTrue();
            }
        }
        // Camunda's defaults would have locked the user for good after 10 failed attempts.
        assertThat(failures).isGreaterThan(10);
        assertThat(client("127.0.0.25").get(CASES, "servicenow", "servicenow").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void afterMaxFailuresAnAddressGets429WithRetryAfterForEveryLoginWhileOtherAddressesLogInAsUsual() throws Exception {
        OtherClient attacker = client("127.0.0.31");
        for (int attempt = 0; attempt < throttle.maxFailures(); attempt++) {
            assertThat(attacker.get(CASES, "servicenow", "guess-" + attempt).getStatusCode().value()).isEqualTo(401);
        }

        ResponseEntity<String> throttled = attacker.get(CASES, "servicenow", "one-more-guess");
        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        long retryAfter = Long.parseLong(throttled.getHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, throttle.window().dividedBy(throttle.maxFailures()).toSeconds());
        JsonNode problem = objectMapper.readTree(throttled.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asText()).isEqualTo("Too many failed logins");

        // Every login from that address waits, the right password and the webapps' login form too ...
        assertThat(attacker.get(CASES, "servicenow", "servicenow").getStatusCode().value()).isEqualTo(429);
        assertThat(attacker.get("/engine-rest/task/count", "demo", "demo").getStatusCode().value()).isEqualTo(429);
        assertThat(attacker.webappLogin("demo", "demo", "cockpit").getStatusCode().value()).isEqualTo(429);
        // ... while ServiceNow, from its own address, is not held up at all.
        assertThat(as("servicenow").getForEntity(CASES, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(client("127.0.0.32").get(CASES, "servicenow", "servicenow").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theWebappsLoginFormIsThrottledTheSameWay() {
        OtherClient attacker = client("127.0.0.41");
        for (int attempt = 0; attempt < throttle.maxFailures(); attempt++) {
            assertThat(attacker.webappLogin("demo", "guess-" + attempt, "cockpit").getStatusCode().value()).isEqualTo(401);
        }

        ResponseEntity<String> throttled = attacker.webappLogin("demo", "demo", "cockpit");
        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(attacker.get(CASES, "servicenow", "servicenow").getStatusCode().value()).isEqualTo(429);

        OtherClient demo = client("127.0.0.42");
        assertThat(demo.webappLogin("demo", "demo", "cockpit").getStatusCode().value()).isEqualTo(200);
        assertThat(identityService.checkPassword("demo", "demo")).isTrue();
    }

    @Test
    void theEngineRestApiCannotBeUsedToTryOtherUsersPasswords() {
        // identity/verify checks any user's password for a caller who is logged in, past the throttle.
        String guess = "{\"username\":\"servicenow\",\"password\":\"guess\"}";
        for (String user : List.of("servicenow", "bo", "procesejer", "chef")) {
            assertThat(client("127.0.0.51").basic(HttpMethod.POST, "/engine-rest/identity/verify", user, user, guess)
                    .getStatusCode().value()).as(user).isEqualTo(403);
        }
    }

    private OtherClient client(String address) {
        return new OtherClient("http://127.0.0.1:" + port, address);
    }
}
