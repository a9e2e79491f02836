package dk.kk.ks.flow.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes KS Flow's own rows about a case once the engine's history cleanup has removed the case: the intake record
 * (ServiceNow number and the request's hash), the four-eyes facts and approvals (user ids) and the e-mails sent about
 * it. Without this they would outlive the 730 days the case's history is kept. A row is removed only when neither a
 * running nor a historic process instance has its id, and only when it is older than a day, so a case being started
 * in another transaction is never touched. Runs every night after the history cleanup's window; every node may run
 * it, the deletes do not conflict.
 */
@Component
public class CaseRecordsCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(CaseRecordsCleanup.class);
    /** No row younger than this is removed, whatever the engine's tables say. */
    private static final Duration GRACE = Duration.ofDays(1);
    /** Digest e-mails belong to no case; they go when a case's history would. */
    private static final Duration DIGEST_RETENTION = Duration.ofDays(730);
    private static final String CASE_GONE = """
            NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.ID_ = %1$s)
            AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.PROC_INST_ID_ = %1$s)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public CaseRecordsCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The number of rows removed, per table. */
    @Scheduled(cron = "${ksflow.history-cleanup.case-records-cron:0 30 5 * * *}", zone = "Europe/Copenhagen")
    public Map<String, Integer> removeRecordsOfRemovedCases() {
        Instant now = clock.instant();
        Timestamp graceLimit = Timestamp.from(now.minus(GRACE));
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("ksf_case_intake", delete("ksf_case_intake", "process_instance_id", "created_at", graceLimit));
        removed.put("ksf_case_fact", delete("ksf_case_fact", "process_instance_id", "recorded_at", graceLimit));
        removed.put("ksf_approval", delete("ksf_approval", "process_instance_id", "approved_at", graceLimit));
        removed.put("ksf_notification", delete("ksf_notification", "case_id", "created_at", graceLimit)
                + jdbc.sql("DELETE FROM ksf_notification WHERE case_id IS NULL AND created_at < ?")
                        .params(Timestamp.from(now.minus(DIGEST_RETENTION))).update());
        int total = removed.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            LOG.info("Removed KS Flow's rows of cases whose history is gone: {}", removed);
        }
        return removed;
    }

    private int delete(String table, String caseColumn, String timeColumn, Timestamp graceLimit) {
        return jdbc.sql("DELETE FROM " + table + " WHERE " + caseColumn + " IS NOT NULL AND " + timeColumn + " < ? AND "
                + CASE_GONE.formatted(table + "." + caseColumn)).params(graceLimit).update();
    }
}
