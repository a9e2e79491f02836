package dk.kk.ks.flow.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The application's own metrics (Prometheus at /actuator/prometheus): cases started and completed per
 * case type (and outcome), and the open incidents. External call latencies come from Feign's Micrometer
 * timers ({@code ksflow.external.requests}, per system: see ExternalCallMetrics).
 */
@Component
public class CaseMetrics {

    private final MeterRegistry registry;

    CaseMetrics(MeterRegistry registry, RuntimeService runtimeService) {
        this.registry = registry;
        Gauge.builder("ksflow.incidents.open", runtimeService, service -> service.createIncidentQuery().count())
                .description("Jobs that exhausted their retries and wait for an operator").register(registry);
    }

    void started(String caseType) {
        registry.counter("ksflow.cases.started", "caseType", caseType).increment();
    }

    void completed(String caseType, String outcome) {
        registry.counter("ksflow.cases.completed", "caseType", caseType, "outcome", outcome).increment();
    }
}
