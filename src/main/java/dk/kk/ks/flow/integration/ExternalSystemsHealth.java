package dk.kk.ks.flow.integration;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code externalSystems}: one indicator per configured system. The probe reads
 * the system's health resource ({@code ksflow.systems.<name>.health-path} below its base URL) with the system's own
 * credentials, as the clients call it. A system is UP when that answers 2xx within two seconds; DOWN on anything
 * else: 401 or 403 (wrong credentials or missing rights), 404 (wrong base URL or route), 5xx, a redirect, a timeout
 * or a refused connection. The detail is the status or the kind of error, never a body.
 *
 * <p>Each system's answer is kept for ten seconds: however often anyone (anonymous callers, a load balancer, every
 * node) asks {@code /actuator/health}, a system gets at most one authenticated probe per node in that time, so a
 * wrong password does not become a stream of failed logins that could lock the integration user.
 */
@Component("externalSystems")
class ExternalSystemsHealth implements CompositeHealthContributor {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration KEPT_FOR = Duration.ofSeconds(10);

    private final Map<String, HealthContributor> indicators = new LinkedHashMap<>();

    ExternalSystemsHealth(ExternalSystemsProperties properties, SystemEndpoints endpoints, Clock clock) {
        // Redirects are not followed: the credentials go to the configured system only, and a redirect is DOWN.
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        properties.systems().keySet().stream().sorted()
                .forEach(system -> indicators.put(system, new KeptProbe(() -> probe(http, endpoints, properties, system), clock)));
    }

    /** A probe whose answer is kept {@link #KEPT_FOR}; callers meanwhile get it without a new request. */
    private static final class KeptProbe implements HealthIndicator {

        private final Supplier<Health> probe;
        private final Clock clock;
        private Health kept;
        private Instant takenAt;

        KeptProbe(Supplier<Health> probe, Clock clock) {
            this.probe = probe;
            this.clock = clock;
        }

        @Override
        public synchronized Health health() {
            Instant now = clock.instant();
            if (kept == null || !now.isBefore(takenAt.plus(KEPT_FOR)) || now.isBefore(takenAt)) {
                kept = probe.get();
                takenAt = now;
            }
            return kept;
        }
    }

    private static Health probe(HttpClient http, SystemEndpoints endpoints, ExternalSystemsProperties properties, String system) {
        try {
            ExternalSystemsProperties.System settings = properties.system(system);
            HttpRequest request = HttpRequest.newBuilder(endpoints.healthUri(system)).timeout(TIMEOUT)
                    .header("Authorization", basic(settings.username(), settings.password()))
                    .GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return (status >= 200 && status < 300 ? Health.up() : Health.down()).withDetail("httpStatus", status).build();
        } catch (IOException | RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    /** HTTP Basic as the Feign clients send it (BasicAuthRequestInterceptor: ISO-8859-1). */
    private static String basic(String username, String password) {
        String credentials = (username == null ? "" : username) + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public HealthContributor getContributor(String name) {
        return indicators.get(name);
    }

    @Override
    public java.util.Iterator<org.springframework.boot.actuate.health.NamedContributor<HealthContributor>> iterator() {
        return indicators.entrySet().stream()
                .map(e -> org.springframework.boot.actuate.health.NamedContributor.of(e.getKey(), e.getValue()))
                .iterator();
    }
}
