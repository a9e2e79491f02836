package dk.kk.ks.flow.integration;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

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
 */
@Component("externalSystems")
class ExternalSystemsHealth implements CompositeHealthContributor {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, HealthContributor> indicators = new LinkedHashMap<>();

    ExternalSystemsHealth(ExternalSystemsProperties properties, SystemEndpoints endpoints) {
        // Redirects are not followed: the credentials go to the configured system only, and a redirect is DOWN.
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        properties.systems().keySet().stream().sorted()
                .forEach(system -> indicators.put(system, (HealthIndicator) () -> probe(http, endpoints, properties, system)));
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
