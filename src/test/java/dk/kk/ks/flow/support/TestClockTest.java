package dk.kk.ks.flow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's clock and the engine's run on the test clock, and tick. */
class TestClockTest extends ProcessTestCase {

    private static final Duration CLOSE = Duration.ofSeconds(2);

    @Autowired
    Clock clock;

    @Test
    void theApplicationAndTheEngineRunOnTheTestClock() throws InterruptedException {
        assertThat(clock.getZone()).isEqualTo(TestClock.COPENHAGEN);
        assertThat(Duration.between(TestClock.now(), clock.instant()).abs()).isLessThan(CLOSE);
        assertThat(Duration.between(TestClock.now(), ClockUtil.now().toInstant()).abs()).isLessThan(CLOSE);

        Instant before = ClockUtil.now().toInstant();
        Thread.sleep(20);
        assertThat(ClockUtil.now().toInstant()).as("the engine's clock ticks (job retries, lock expiry)").isAfter(before);
    }

    @Test
    void afterATestMovedTheEngineClockItGoesBackToTheTestClockNotTheRealTime() {
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2031-03-02T07:00:00Z")));
        TestClock.resetEngineClock();

        assertThat(Duration.between(TestClock.now(), ClockUtil.now().toInstant()).abs()).isLessThan(CLOSE);
    }

    @Test
    void aMomentIsCopenhagenTimeUnlessItNamesItsOffset() {
        assertThat(TestClock.parse("2027-03-10T09:00")).isEqualTo(Instant.parse("2027-03-10T08:00:00Z"));
        assertThat(TestClock.parse("2027-07-01T09:00")).isEqualTo(Instant.parse("2027-07-01T07:00:00Z"));
        // The night the clocks go back: 02:30 happens twice; the offset says which.
        assertThat(TestClock.parse("2027-10-31T02:30+01:00")).isEqualTo(Instant.parse("2027-10-31T01:30:00Z"));
        assertThat(TestClock.parse("2027-10-31T02:30+02:00")).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(TestClock.parse("2028-02-29T12:00Z")).isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
        assertThatThrownBy(() -> TestClock.parse("tomorrow")).hasMessageContaining("ksflow.test.now");
    }
}
