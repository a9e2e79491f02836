package dk.kk.ks.flow.integration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The latency of every call to an external system, per system: Feign's {@code http.client.requests} timers
 * (tagged with the client interface, {@code dk.kk.ks.flow.integration.opus.OpusDebitorClient}) are published as
 * {@code ksflow.external.requests} with a {@code system} tag (the client's package: {@code opus}). Under a name
 * of their own they cannot clash with another HTTP client's {@code http.client.requests}, whose different tags
 * would make Prometheus drop one of the two.
 */
@Configuration(proxyBeanMethods = false)
class ExternalCallMetrics {

    static final String FEIGN_METRIC = "http.client.requests";
    static final String METRIC = "ksflow.external.requests";
    private static final String CLIENTS = ExternalCallMetrics.class.getPackageName() + ".";

    @Bean
    MeterFilter externalCallsPerSystem() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String client = id.getTag("clientName");
                if (!id.getName().startsWith(FEIGN_METRIC) || client == null || !client.startsWith(CLIENTS)) {
                    return id;
                }
                String system = client.substring(CLIENTS.length(), client.lastIndexOf('.'));
                return id.withName(METRIC + id.getName().substring(FEIGN_METRIC.length())).withTag(Tag.of("system", system));
            }
        };
    }
}
