package dk.kk.ks.flow.integration.servicenow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the processes need from ServiceNow: find the case's record, and write state and a work note back. */
public interface ServiceNowPort {

    /** The states of a request item (sc_req_item) in ServiceNow. */
    enum State {
        OPEN("1"), WORK_IN_PROGRESS("2"), CLOSED_COMPLETE("3"), CLOSED_INCOMPLETE("4"), CLOSED_SKIPPED("7");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    record ServiceNowRecord(String sysId, String number, String state) {
    }

    Optional<ServiceNowRecord> findByNumber(String number);

    /**
     * The records of a table that match an encoded query (field=value joined by ^), at most {@code limit},
     * each as its fields by name.
     */
    List<Map<String, Object>> query(String table, String encodedQuery, int limit);

    /** Sets the record's state and adds a work note. */
    void update(String number, State state, String workNote, String idempotencyKey);
}
