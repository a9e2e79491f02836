package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;

/** The parts of a failed job's log line: what failed, and when the next attempt comes. */
class LoggedJobRetryCmdTest {

    private static final Instant NOW = Instant.parse("2027-03-15T09:00:00Z");

    @BeforeEach
    void fixTheEnginesClock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetTheEnginesClock() {
        ClockUtil.reset();
    }

    @Test
    void theNextAttemptIsSaidInSecondsMinutesOrHours() {
        assertThat(LoggedJobRetryCmd.retrying(Date.from(NOW.plusSeconds(2)))).isEqualTo("retrying in 2 s");
        assertThat(LoggedJobRetryCmd.retrying(Date.from(NOW.plusSeconds(90)))).isEqualTo("retrying in 90 s");
        assertThat(LoggedJobRetryCmd.retrying(Date.from(NOW.plusSeconds(300)))).isEqualTo("retrying in 5 min");
        assertThat(LoggedJobRetryCmd.retrying(Date.from(NOW.plusSeconds(3 * 3600)))).isEqualTo("retrying in 3 h");
        assertThat(LoggedJobRetryCmd.retrying(Date.from(NOW))).isEqualTo("retrying now");
        assertThat(LoggedJobRetryCmd.retrying(null)).isEqualTo("retrying now");
    }

    @Test
    void aFailedExternalCallIsItsOwnMessageEvenWhenWrappedAndAnythingElseItsClassAndMessage() {
        ExternalSystemUnavailableException outage = new ExternalSystemUnavailableException("opus", 503,
                "opus answered 503 to POST http://opus/api/debitor/payouts");

        assertThat(LoggedJobRetryCmd.describe(outage)).isEqualTo("opus answered 503 to POST http://opus/api/debitor/payouts");
        assertThat(LoggedJobRetryCmd.describe(new ProcessEngineException("wrapped", outage)))
                .isEqualTo("opus answered 503 to POST http://opus/api/debitor/payouts");
        assertThat(LoggedJobRetryCmd.describe(new IllegalStateException("no such variable"))).isEqualTo("IllegalStateException: no such variable");
    }
}
