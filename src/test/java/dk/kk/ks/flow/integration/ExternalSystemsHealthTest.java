package dk.kk.ks.flow.integration;

import dk.kk.ks.flow.support.ManualClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * The health of each external system: its health resource, read with its credentials, answers 2xx, or it is DOWN;
 * an answer is kept ten seconds.
 */
class ExternalSystemsHealthTest {

    private static WireMockServer system;

    /** Started, and asked once, so that a cold server in a busy JVM does not exceed the probe's two seconds in the first test. */
    @BeforeAll
    static void start() throws Exception {
        system = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        system.start();
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(system.baseUrl() + "/warm-up"))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() {
        system.stop();
    }

    @BeforeEach
    void reset() {
        system.resetAll();
    }

    @Test
    void aSystemIsUpWhenItsHealthResourceAnswersItsCredentials() {
        system.stubFor(get(urlEqualTo("/opus/health")).willReturn(okJson("{\"status\":\"UP\"}")));

        Health health = health("opus", new ExternalSystemsProperties.System(system.baseUrl() + "/opus", "ksflow", "s3cret"));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("httpStatus", 200);
        system.verify(1, getRequestedFor(urlEqualTo("/opus/health")).withHeader("Authorization", equalTo(basic("ksflow", "s3cret"))));
    }

    @Test
    void theHealthPathIsReadBelowTheBaseUrlWithItsQuery() {
        String path = "/api/now/table/sc_req_item?sysparm_limit=1&sysparm_fields=sys_id";
        system.stubFor(get(urlEqualTo("/sn" + path)).willReturn(okJson("{\"result\":[]}")));

        Health health = health("servicenow", new ExternalSystemsProperties.System(system.baseUrl() + "/sn/", "sn", "pw", path));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        system.verify(1, getRequestedFor(urlEqualTo("/sn" + path)));
    }

    /** Wrong credentials (401), missing rights (403), a wrong base URL or route (404), an outage (5xx), a redirect. */
    @ParameterizedTest(name = "{0} is DOWN")
    @ValueSource(ints = {401, 403, 404, 500, 503, 302})
    void aSystemIsDownWhenItsHealthResourceAnswersAnythingButSuccess(int status) {
        system.stubFor(get(urlEqualTo("/opus/health")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", system.baseUrl() + "/login").withBody("{\"message\":\"0101901234\"}")));

        Health health = health("opus", new ExternalSystemsProperties.System(system.baseUrl() + "/opus", "ksflow", "s3cret"));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsExactly(Map.entry("httpStatus", status));
        system.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSystemThatDropsTheConnectionIsDown() {
        system.stubFor(get(urlEqualTo("/opus/health")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Health health = health("opus", new ExternalSystemsProperties.System(system.baseUrl() + "/opus", "ksflow", "s3cret"));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }

    @Test
    void anAnswerIsKeptTenSecondsHoweverOftenHealthIsAsked() {
        system.stubFor(get(urlEqualTo("/opus/health")).willReturn(aResponse().withStatus(401)));
        ManualClock clock = new ManualClock(Instant.parse("2027-03-15T09:00:00Z"));
        HealthIndicator opus = indicator("opus", new ExternalSystemsProperties.System(system.baseUrl() + "/opus", "ksflow", "wrong"), clock);

        for (int i = 0; i < 20; i++) {
            assertThat(opus.health().getStatus()).isEqualTo(Status.DOWN);
        }
        clock.advance(ExternalSystemsHealth.KEPT_FOR.minusMillis(1));
        assertThat(opus.health().getStatus()).isEqualTo(Status.DOWN);
        system.verify(1, anyRequestedFor(anyUrl()));

        system.stubFor(get(urlEqualTo("/opus/health")).willReturn(okJson("{}")));
        clock.advance(Duration.ofMillis(1));
        assertThat(opus.health().getStatus()).isEqualTo(Status.UP);
        system.verify(2, anyRequestedFor(anyUrl()));
    }

    private static Health health(String name, ExternalSystemsProperties.System settings) {
        return indicator(name, settings, new ManualClock(Instant.parse("2027-03-15T09:00:00Z"))).health();
    }

    private static HealthIndicator indicator(String name, ExternalSystemsProperties.System settings, Clock clock) {
        ExternalSystemsProperties properties = new ExternalSystemsProperties(Map.of(name, settings));
        ExternalSystemsHealth health = new ExternalSystemsHealth(properties, new SystemEndpoints(properties, null), clock);
        return (HealthIndicator) health.getContributor(name);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
    }
}
