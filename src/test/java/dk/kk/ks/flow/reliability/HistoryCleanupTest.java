package dk.kk.ks.flow.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.kk.ks.flow.platform.CaseRecordsCleanup;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History is kept 730 days, then the nightly cleanup removes it (personal data is not kept longer than needed).
 * An integration test, so it runs on PostgreSQL too: two payouts run end to end, one with the engine's clock
 * 800 days back, and the cleanup (run at once instead of waiting for its window) removes only that one.
 */
class HistoryCleanupTest extends IntegrationTestCase {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        TestClock.resetEngineClock();
    }

    @Test
    void theNightlyCleanupRemovesCasesOlderThanTheirTimeToLive() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

        String old = payoutEndedAt(TestClock.now().minus(800, ChronoUnit.DAYS));
        String recent = payoutEndedAt(TestClock.now().minus(10, ChronoUnit.DAYS));

        // "Run now" reschedules the cleanup's job, which the job executor may be touching at that moment (it then fails
        // with optimistic locking, as it would for an operator in Cockpit, who asks again)
        await().atMost(CASE_TIMEOUT).ignoreException(OptimisticLockingException.class).until(() -> {
            historyService.cleanUpHistoryAsync(true);
            return true;
        });

        await().atMost(CASE_TIMEOUT).until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(old).count() == 0);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(recent).count()).isEqualTo(1);

        // KS Flow's own rows of the removed case go the next night (not before they are a day old), the others stay.
        assertThat(ownRows(old)).isPositive();
        new CaseRecordsCleanup(jdbc, clock).removeRecordsOfRemovedCases();
        assertThat(ownRows(old)).as("rows younger than a day are never removed").isPositive();
        new CaseRecordsCleanup(jdbc, Clock.offset(clock, Duration.ofDays(2))).removeRecordsOfRemovedCases();
        assertThat(ownRows(old)).isZero();
        assertThat(ownRows(recent)).isPositive();
    }

    /** The case's rows in KS Flow's intake and four-eyes tables. */
    private long ownRows(String caseId) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM ksf_case_intake WHERE process_instance_id = :id)
                     + (SELECT COUNT(*) FROM ksf_case_fact WHERE process_instance_id = :id)
                     + (SELECT COUNT(*) FROM ksf_approval WHERE process_instance_id = :id)""")
                .param("id", caseId).query(Long.class).single();
    }

    /** A payout under the approval limit, run to its end through the intake API while the engine's clock stands at the time. */
    private String payoutEndedAt(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("serviceNowRef", newServiceNowRef("RITM"));
            body.put("debtorNumber", "100234");
            body.put("payee", "Jens Hansen");
            body.put("amount", 100.00);
            body.put("reason", "Tilbagebetaling");
            body.put("requestedBy", "anna");
            return awaitCompleted(createCase("invoice-payouts", body).getBody().caseId()).caseId();
        } finally {
            TestClock.resetEngineClock();
        }
    }
}
