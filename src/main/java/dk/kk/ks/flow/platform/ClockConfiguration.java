package dk.kk.ks.flow.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * "Today" for the rules that depend on it (a timesheet's age), in Copenhagen time.
 * <p>
 * {@code ksflow.clock.offset} (a duration, zero by default) runs the application as another moment: the
 * application's clock and the engine's (timers, job retries, job locks) both run that far from the real
 * time and keep ticking. The tests use it to run as a fixed moment, also in the application JVMs they start
 * (every node of a cluster must agree on the time). The {@code production} profile refuses it.
 */
@Configuration
class ClockConfiguration {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final String OFFSET_PROPERTY = "ksflow.clock.offset";

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(Environment environment) {
        Duration offset = offset(environment);
        return offset.isZero() ? Clock.system(COPENHAGEN) : Clock.offset(Clock.system(COPENHAGEN), offset);
    }

    /** The engine's clock runs with the same offset, set before the engine starts (deployment schedules timers). */
    @Bean
    ProcessEnginePlugin engineClock(Environment environment) {
        Duration offset = offset(environment);
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (!offset.isZero()) {
                    ClockUtil.offset(offset.toMillis());
                    log.warn("The clock runs {} from the real time: it is now {}", offset, ClockUtil.now().toInstant());
                }
            }
        };
    }

    static Duration offset(Environment environment) {
        Duration offset = Binder.get(environment).bind(OFFSET_PROPERTY, Duration.class).orElse(Duration.ZERO);
        if (!offset.isZero() && environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException(OFFSET_PROPERTY + " shifts the clock; it must not be set in production");
        }
        return offset;
    }
}
