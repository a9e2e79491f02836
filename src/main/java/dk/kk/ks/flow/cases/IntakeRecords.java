package dk.kk.ks.flow.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intake table: which case a (case type, ServiceNow record) pair started, and from what body. */
@Repository
class IntakeRecords {

    record IntakeRecord(String caseType, String serviceNowRef, String requestHash, String processInstanceId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IntakeRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<IntakeRecord> find(String caseType, String serviceNowRef) {
        return jdbc.sql("""
                        SELECT case_type, service_now_ref, request_hash, process_instance_id
                        FROM ksf_case_intake WHERE case_type = ? AND service_now_ref = ?""")
                .params(caseType, serviceNowRef)
                .query((rs, n) -> new IntakeRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Throws DuplicateKeyException when the pair is already taken (a concurrent retry). */
    void insert(IntakeRecord intake) {
        jdbc.sql("""
                        INSERT INTO ksf_case_intake (case_type, service_now_ref, request_hash, process_instance_id, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(intake.caseType(), intake.serviceNowRef(), intake.requestHash(), intake.processInstanceId(),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
