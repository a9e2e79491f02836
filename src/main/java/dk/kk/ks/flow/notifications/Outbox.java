package dk.kk.ks.flow.notifications;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table {@code ksf_notification} (schema.sql). Rows are recorded on the caller's connection: inside an
 * engine command that is the engine's own transaction (Camunda's Spring integration binds it to the DataSource), so
 * a task or timer that is rolled back leaves no row. The sender claims due rows with an UPDATE that only a row
 * nobody holds passes, so several nodes never send the same row at the same time.
 */
@Repository
class Outbox {

    enum Kind {
        /** A task waits for the recipient (created for them, or assigned to them). */
        TASK,
        /** The timer on a task that has waited too long. */
        REMINDER,
        /** A payment card's approval went to the manager's manager: the requester is told. */
        ESCALATED,
        /** A payment card order expired without a decision. */
        EXPIRED,
        /** One e-mail listing the HELD task rows of a recipient who chose the daily digest. */
        DIGEST
    }

    enum Status {
        PENDING, HELD, BUNDLED, SENT, DROPPED, FAILED
    }

    /** A row to send. */
    record Row(String id, Kind kind, String recipient, String userId, String caseId, String taskId, int attempts, Instant createdAt) {
    }

    private static final String COLUMNS = "id, dedup_key, kind, recipient, user_id, case_id, task_id, status, attempts, next_attempt_at, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean postgres;

    Outbox(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Records an e-mail unless one with the same key exists (a step that runs again adds nothing). Never fails on a
     * duplicate: on PostgreSQL a failed statement would abort the engine's whole transaction.
     *
     * @param hold true: the recipient reads a daily digest, so the row waits for it (HELD)
     */
    void record(String dedupKey, Kind kind, Recipient recipient, String caseId, String taskId, boolean hold) {
        Timestamp now = Timestamp.from(clock.instant());
        Object[] values = {UUID.randomUUID().toString(), dedupKey, kind.name(), recipient.address(), recipient.userId(), caseId, taskId,
                (hold ? Status.HELD : Status.PENDING).name(), 0, now, now};
        String insert = "INSERT INTO ksf_notification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if (postgres) {
            jdbc.sql(insert + " ON CONFLICT (dedup_key) DO NOTHING").params(values).update();
            return;
        }
        try {
            jdbc.sql(insert).params(values).update();
        } catch (DuplicateKeyException alreadyRecorded) {
            // H2 keeps the transaction usable after a failed statement; the row is there already.
        }
    }

    /** Takes up to {@code max} due rows for this caller for {@code lockTime}; nobody else takes them meanwhile. */
    List<Row> claimDue(int max, Duration lockTime) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String free = "status = 'PENDING' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)";
        int claimed = jdbc.sql("UPDATE ksf_notification SET locked_by = ?, locked_until = ? WHERE " + free
                        + " AND id IN (SELECT id FROM ksf_notification WHERE " + free
                        + " ORDER BY next_attempt_at FETCH FIRST " + Math.max(1, max) + " ROWS ONLY)")
                .params(token, Timestamp.from(now.plus(lockTime)), at, at, at, at)
                .update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT id, kind, recipient, user_id, case_id, task_id, attempts, created_at FROM ksf_notification"
                        + " WHERE locked_by = ? AND status = 'PENDING' ORDER BY next_attempt_at")
                .param(token)
                .query(Outbox::row)
                .list();
    }

    void sent(Row row) {
        finish(row, Status.SENT, null);
    }

    /** Nothing to tell any more (the task was completed before the e-mail went). */
    void dropped(Row row) {
        finish(row, Status.DROPPED, null);
    }

    void failed(Row row, String error) {
        finish(row, Status.FAILED, error);
    }

    private void finish(Row row, Status status, String error) {
        jdbc.sql("UPDATE ksf_notification SET status = ?, sent_at = ?, attempts = ?, last_error = ?, locked_by = NULL, locked_until = NULL"
                        + " WHERE id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), row.attempts() + (status == Status.DROPPED ? 0 : 1), error, row.id())
                .update();
    }

    /** An attempt failed: the next one after {@code delay}. */
    void retryLater(Row row, Duration delay, String error) {
        jdbc.sql("UPDATE ksf_notification SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, locked_by = NULL,"
                        + " locked_until = NULL WHERE id = ?")
                .params(Timestamp.from(clock.instant().plus(delay)), error, row.id())
                .update();
    }

    /** Gives a claimed row back untried, due after {@code delay} (the mail server was down for an earlier row). */
    void release(Row row, Duration delay) {
        jdbc.sql("UPDATE ksf_notification SET next_attempt_at = ?, locked_by = NULL, locked_until = NULL WHERE id = ?")
                .params(Timestamp.from(clock.instant().plus(delay)), row.id())
                .update();
    }

    /** The recipients with rows waiting for their digest. */
    List<String> recipientsWithHeldRows() {
        return jdbc.sql("SELECT DISTINCT recipient FROM ksf_notification WHERE status = 'HELD'").query(String.class).list();
    }

    /**
     * Moves the recipient's HELD rows into a new DIGEST row, to be sent like any other. Call in one transaction: a
     * row is bundled once even when two nodes make the digests at the same time (the second finds it no longer HELD).
     *
     * @return whether there was anything to bundle
     */
    boolean bundle(String recipient) {
        String digestId = UUID.randomUUID().toString();
        int bundled = jdbc.sql("UPDATE ksf_notification SET status = 'BUNDLED', digest_id = ? WHERE status = 'HELD' AND recipient = ?")
                .params(digestId, recipient)
                .update();
        if (bundled == 0) {
            return false;
        }
        String userId = jdbc.sql("SELECT MAX(user_id) FROM ksf_notification WHERE digest_id = ?").param(digestId).query(String.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO ksf_notification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(digestId, "DIGEST:" + digestId, Kind.DIGEST.name(), recipient, userId, null, null, Status.PENDING.name(), 0, now, now)
                .update();
        return true;
    }

    /**
     * Removes the rows that are done (sent, dropped, given up, bundled into a digest that is done) and older than
     * {@code before}: the outbox keeps e-mail addresses no longer than it needs them.
     *
     * @return how many rows were removed
     */
    int removeFinished(Instant before) {
        return jdbc.sql("DELETE FROM ksf_notification WHERE created_at < ? AND status IN ('SENT', 'DROPPED', 'FAILED', 'BUNDLED')")
                .param(Timestamp.from(before))
                .update();
    }

    /** The task ids a digest lists, oldest first, each once. */
    List<String> tasksOfDigest(String digestId) {
        return jdbc.sql("SELECT task_id FROM ksf_notification WHERE digest_id = ? AND task_id IS NOT NULL"
                        + " GROUP BY task_id ORDER BY MIN(created_at)")
                .param(digestId)
                .query(String.class)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), Kind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getString("user_id"),
                rs.getString("case_id"), rs.getString("task_id"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant());
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's product name", e);
        }
    }
}
