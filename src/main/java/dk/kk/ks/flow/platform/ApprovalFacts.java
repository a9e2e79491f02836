package dk.kk.ks.flow.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the four-eyes rules decide from, kept outside the process variables: who asked for the case, whose
 * card it is, who the manager's approval belongs to, and the approvals given so far. Only the application
 * writes these tables (in the engine's transaction, so a refused or rolled-back step records nothing); no
 * REST API, Tasklist form or variable change reaches them. A fact is written once and never changed.
 */
@Repository
public class ApprovalFacts {

    /** The facts of a case, by the name they are stored under. */
    public enum Fact {
        /** The user id the case was started with as its requester. */
        REQUESTED_BY("requestedBy"),
        /** The user id of the employee a payment card is for, from Opus. */
        EMPLOYEE_USER_ID("employeeUserId"),
        /** The user who gives the manager's approval of a payment card: from Opus, or appointed by a caseworker. */
        APPROVER("approver");

        private final String storedName;

        Fact(String storedName) {
            this.storedName = storedName;
        }

        /** The name the fact is stored under: the name of the process variable it is first known by. */
        public String variable() {
            return storedName;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ApprovalFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a fact of the case; a second value for the same fact is a DuplicateKeyException (facts never change). */
    public void record(String caseId, Fact fact, String value) {
        jdbc.sql("INSERT INTO ksf_case_fact (process_instance_id, name, fact_value, recorded_at) VALUES (?, ?, ?, ?)")
                .params(caseId, fact.storedName, value, Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<String> find(String caseId, Fact fact) {
        return jdbc.sql("SELECT fact_value FROM ksf_case_fact WHERE process_instance_id = ? AND name = ?")
                .params(caseId, fact.storedName)
                .query(String.class)
                .optional();
    }

    /** The fact; a case without it cannot be judged, which is a fault of the application, not of the user. */
    public String require(String caseId, Fact fact) {
        return find(caseId, fact).orElseThrow(() -> new IllegalStateException(
                "Case " + caseId + " has no recorded " + fact.storedName + ": its approvals cannot be checked"));
    }

    /**
     * Records that {@code userId} approved the step (task definition key) with the given task, as the case's
     * next approval. A case's approvals are given one after the other; two at once would collide on the
     * number, and one of them would be rolled back.
     */
    public void recordApproval(String caseId, String taskId, String step, String userId) {
        int number = approvals(caseId).size() + 1;
        jdbc.sql("""
                        INSERT INTO ksf_approval (process_instance_id, approval_number, task_id, step, user_id, approved_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(caseId, number, taskId, step, userId, Timestamp.from(clock.instant()))
                .update();
    }

    /** The user ids of the approvals given on the case, in the order they were given. */
    public List<String> approvals(String caseId) {
        return jdbc.sql("SELECT user_id FROM ksf_approval WHERE process_instance_id = ? ORDER BY approval_number")
                .param(caseId)
                .query(String.class)
                .list();
    }
}
