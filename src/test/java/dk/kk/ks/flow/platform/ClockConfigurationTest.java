package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** ksflow.clock.offset runs the application as another moment (the tests do); production refuses it. */
class ClockConfigurationTest {

    private final ClockConfiguration configuration = new ClockConfiguration();

    @Test
    void withoutAnOffsetTheClockIsTheSystemClockInCopenhagen() {
        assertThat(configuration.clock(new MockEnvironment())).isEqualTo(Clock.system(ClockConfiguration.COPENHAGEN));
    }

    @Test
    void anOffsetShiftsTheClock() {
        MockEnvironment environment = new MockEnvironment().withProperty("ksflow.clock.offset", "-86400000ms");

        assertThat(configuration.clock(environment)).isEqualTo(Clock.offset(Clock.system(ClockConfiguration.COPENHAGEN), Duration.ofDays(-1)));
    }

    @Test
    void productionRefusesAnOffset() {
        MockEnvironment environment = new MockEnvironment().withProperty("ksflow.clock.offset", "P90D");
        environment.setActiveProfiles("postgres", "production");

        assertThatThrownBy(() -> configuration.clock(environment)).hasMessageContaining("ksflow.clock.offset");
        assertThatThrownBy(() -> configuration.engineClock(environment)).hasMessageContaining("ksflow.clock.offset");
    }
}
