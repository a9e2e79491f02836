package dk.kk.ks.flow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * The one PostgreSQL database the nodes share, created afresh for the test, and what the test reads from
 * Camunda's tables directly: which node executed which job (ACT_HI_JOB_LOG.HOSTNAME_ is the executing
 * engine's host name, set per node), jobs executed twice, cases started twice, jobs locked right now.
 */
final class ClusterDatabase {

    static final String NAME = "ksflow_cluster";

    String url() {
        return LocalPostgres.url(NAME);
    }

    String user() {
        return LocalPostgres.USER;
    }

    void recreate() {
        LocalPostgres.recreate(NAME);
    }

    /** Successful job executions per node (host name) for the cases whose business key starts with the prefix. */
    Map<String, Long> jobsExecutedPerNode(String refPrefix) {
        return countBy("""
                SELECT j.hostname_, count(*) FROM act_hi_job_log j JOIN act_hi_procinst p ON p.proc_inst_id_ = j.process_instance_id_
                WHERE j.job_state_ = 2 AND p.business_key_ LIKE ? GROUP BY j.hostname_""", refPrefix + "%");
    }

    /** Jobs of those cases that succeeded more than once (a job that ran twice and committed twice). */
    long jobsSucceededTwice(String refPrefix) {
        return countBy("""
                SELECT j.job_id_, count(*) FROM act_hi_job_log j JOIN act_hi_procinst p ON p.proc_inst_id_ = j.process_instance_id_
                WHERE j.job_state_ = 2 AND p.business_key_ LIKE ? GROUP BY j.job_id_ HAVING count(*) > 1""", refPrefix + "%").size();
    }

    /** Business keys (ServiceNow numbers) with the prefix that started more than one case (a root process instance). */
    long casesStartedTwice(String refPrefix) {
        return countBy("""
                SELECT business_key_, count(*) FROM act_hi_procinst WHERE business_key_ LIKE ? AND super_process_instance_id_ IS NULL
                GROUP BY business_key_ HAVING count(*) > 1""", refPrefix + "%").size();
    }

    /** The ids of the jobs locked by some node right now. */
    List<String> lockedJobs() {
        List<String> ids = new ArrayList<>();
        query("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL", List.of(), row -> ids.add(row.getString(1)));
        return ids;
    }

    /** How many of the given jobs have a successful execution in the job log. */
    long succeeded(List<String> jobIds) {
        long[] count = {0};
        query("SELECT count(DISTINCT job_id_) FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ = ANY (?)", List.of(jobIds),
                row -> count[0] = row.getLong(1));
        return count[0];
    }

    private Map<String, Long> countBy(String sql, String parameter) {
        Map<String, Long> counts = new TreeMap<>();
        query(sql, List.of(parameter), row -> counts.put(String.valueOf(row.getString(1)), row.getLong(2)));
        return counts;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = DriverManager.getConnection(url(), user(), "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", list.toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }
}
