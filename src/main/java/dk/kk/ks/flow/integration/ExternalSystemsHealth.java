package dk.kk.ks.flow.integration;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code externalSystems}: one indicator per configured system. A system
 * is UP when its base URL answers at all below 500 within two seconds (no credentials are sent: this says
 * "reachable", not "authorised"), DOWN on 5xx, a timeout or a refused connection.
 */
@Component("externalSystems")
class ExternalSystemsHealth implements CompositeHealthContributor {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, HealthContributor> indicators = new LinkedHashMap<>();

    ExternalSystemsHealth(ExternalSystemsProperties properties, SystemEndpoints endpoints) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        properties.systems().keySet().stream().sorted()
                .forEach(system -> indicators.put(system, (HealthIndicator) () -> probe(http, endpoints, system)));
    }

    private static Health probe(HttpClient http, SystemEndpoints endpoints, String system) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoints.baseUri(system)).timeout(TIMEOUT).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return (status < 500 ? Health.up() : Health.down()).withDetail("httpStatus", status).build();
        } catch (IOException | RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
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
