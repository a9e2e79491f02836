package dk.kk.ks.flow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * The benchmark's databases: only its own are dropped or created; the statistics taken with cases in flight are kept
 * when the emptied tables are settled (checkpointed, not vacuumed), so that statements planned afterwards read by the
 * indexes. The PostgreSQL part runs with
 * {@code mvn test -Ppostgres}.
 */
@Tag("integration")
class DatabaseTest {

    @Test
    void onlyTheBenchmarksOwnDatabasesAreTouched() {
        // the name check alone: a regression must not get as far as dropping another test JVM's database
        assertThat(Database.benchName("ksflow_bench_baseline")).isEqualTo("ksflow_bench_baseline");
        for (String other : List.of("ksflow", "ksflow_ci_1", "ksflow_cluster", "postgres", "ksflow_bench; DROP DATABASE ksflow",
                "ksflow_bench-x", "KSFLOW_BENCH", "xksflow_bench")) {
            assertThatThrownBy(() -> Database.benchName(other)).as(other).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void quietMeansUnderAShareOfACoreForSecondsInARow() throws InterruptedException {
        // CPU seconds read once at the start and after each second: busy, idle, busy, idle, idle
        double[] readings = {0, 0.50, 0.51, 0.90, 0.92, 0.94, 5.0};
        int[] read = {0};
        int[] seconds = {0};
        assertThat(Database.awaitIdle(() -> readings[read[0]++], 10, () -> seconds[0]++)).isTrue();
        assertThat(seconds[0]).isEqualTo(5);

        int[] busyRead = {0};
        assertThat(Database.awaitIdle(() -> busyRead[0]++ * 0.2, 10, () -> { })).isFalse();
        assertThat(busyRead[0]).isEqualTo(11);
    }

    @Test
    @EnabledIfSystemProperty(named = "spring.profiles.active", matches = "postgres")
    void statisticsTakenWithRowsInFlightOutliveTheSettlingThenDropRemovesTheDatabase() throws Exception {
        Database postgres = new Database(true, 3); // the other test JVM may keep PostgreSQL busy: a short wait for quiet
        String url = postgres.fresh("ksflow_bench_settle");
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            // like the engine's variables: most rows belong to no task
            statement.execute("CREATE TABLE churn (id int PRIMARY KEY, task text, payload text) WITH (autovacuum_enabled = off)");
            statement.execute("INSERT INTO churn SELECT n, CASE WHEN n % 20 = 0 THEN 'task' END, repeat('x', 200) FROM generate_series(1, 20000) n");

            postgres.vacuumAndAnalyze(url); // with the rows in flight
            assertThat(number(statement, "SELECT round(null_frac * 100) FROM pg_stats WHERE tablename = 'churn' AND attname = 'task'"))
                    .isEqualTo(95);

            // the cases without a task have ended; the few left all have one, so a new ANALYZE would find no nulls
            statement.execute("DELETE FROM churn WHERE task IS NULL");
            long checkpointsBefore = number(statement, "SELECT checkpoints_req FROM pg_stat_bgwriter");
            Database.Settled settled = postgres.settle(url);

            // neither vacuumed nor analysed again on what is left: the planner still knows how many rows the table had
            // in flight, and that most of them belong to no task
            assertThat(number(statement, "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'churn'")).isEqualTo(1);
            assertThat(number(statement, "SELECT reltuples FROM pg_class WHERE relname = 'churn'")).isEqualTo(20000);
            assertThat(number(statement, "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'churn'")).isEqualTo(1);
            assertThat(number(statement, "SELECT round(null_frac * 100) FROM pg_stats WHERE tablename = 'churn' AND attname = 'task'"))
                    .isEqualTo(95);
            assertThat(number(statement, "SELECT checkpoints_req FROM pg_stat_bgwriter")).isGreaterThan(checkpointsBefore);
            assertThat(settled.seconds()).isPositive();
            try (ResultSet setting = statement.executeQuery("SHOW autovacuum")) {
                setting.next();
                assertThat(settled.autovacuum()).isEqualTo("on".equals(setting.getString(1)));
            }
            // the settling counts the tables the planner knows nothing of: none here, one after a table that nothing analysed
            assertThat(settled.unanalysed()).isZero();
            statement.execute("CREATE TABLE unseen (id int PRIMARY KEY) WITH (autovacuum_enabled = off)");
            statement.execute("INSERT INTO unseen SELECT generate_series(1, 100)");
            assertThat(postgres.settle(url).unanalysed()).isEqualTo(1);
        }
        postgres.drop("ksflow_bench_settle");
        try (Connection admin = DriverManager.getConnection(LocalPostgres.url("postgres"), LocalPostgres.USER, "");
             Statement statement = admin.createStatement()) {
            assertThat(number(statement, "SELECT count(*) FROM pg_database WHERE datname = 'ksflow_bench_settle'")).isZero();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "spring.profiles.active", matches = "postgres")
    void aTableTheWarmUpLeftEmptyIsStillReadByItsIndexesWhenTheMeasuredCasesFillItAfterSettling() throws Exception {
        Database postgres = new Database(true, 3);
        String url = postgres.fresh("ksflow_bench_empty");
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            // like the engine's variables: rows of an execution, most without a task, deleted by their key as cases end
            statement.execute("CREATE TABLE churn (id text PRIMARY KEY, execution text, task text, payload text) WITH (autovacuum_enabled = off)");
            statement.execute("CREATE INDEX churn_execution ON churn (execution)");
            statement.execute("CREATE INDEX churn_task ON churn (task)");
            String fill = "INSERT INTO churn SELECT '%s' || n, '%<s' || (n / 4), CASE WHEN n %% 20 = 0 THEN 'task' END, repeat('x', 200)"
                    + " FROM generate_series(1, 20000) n";
            statement.execute(fill.formatted("w"));
            postgres.vacuumAndAnalyze(url); // with the warm-up's cases in flight
            // the engine's statements, prepared and run by a connection during the warm-up (a cached generic plan
            // after five runs), and run on by the same connection in the measured cases
            statement.getConnection().setAutoCommit(true);
            statement.execute("PREPARE remove(text) AS DELETE FROM churn WHERE id = $1");
            statement.execute("PREPARE load(text) AS SELECT * FROM churn WHERE execution = $1 AND task IS NULL");
            runBoth(statement, "w");
            statement.execute("DELETE FROM churn"); // every case of the warm-up has ended

            postgres.settle(url);

            runBoth(statement, "none"); // the first measured cases, while the table is still empty
            statement.execute(fill.formatted("m"));

            assertThat(plan(statement, "EXECUTE remove('m5')")).contains("using churn_pkey").doesNotContain("Seq Scan");
            assertThat(plan(statement, "EXECUTE load('m5')")).contains("churn_execution")
                    .doesNotContain("churn_task").doesNotContain("Seq Scan");

            // what the settling must not do: a vacuum of the emptied table has the same connection plan a scan
            statement.execute("DELETE FROM churn");
            statement.execute("VACUUM churn");
            runBoth(statement, "none");
            statement.execute(fill.formatted("n"));
            assertThat(plan(statement, "EXECUTE remove('n5')")).contains("Seq Scan");
        } finally {
            postgres.drop("ksflow_bench_empty");
        }
    }

    /** Each statement seven times: more than the five after which PostgreSQL may keep a generic plan. */
    private static void runBoth(Statement statement, String prefix) throws SQLException {
        for (int i = 0; i < 7; i++) {
            statement.execute("EXECUTE remove('%s%d')".formatted(prefix, 100 + i));
            statement.execute("EXECUTE load('%s%d')".formatted(prefix, 100 + i));
        }
    }

    private static String plan(Statement statement, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static long number(Statement statement, String sql) throws SQLException {
        statement.getConnection().setAutoCommit(true);
        statement.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
