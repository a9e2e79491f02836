package dk.kk.ks.flow.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Today" for the rules that depend on it (a timesheet's age), in Copenhagen time; tests replace it. */
@Configuration
class ClockConfiguration {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Bean
    Clock clock() {
        return Clock.system(COPENHAGEN);
    }
}
