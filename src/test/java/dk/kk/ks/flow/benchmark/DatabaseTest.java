package dk.kk.ks.flow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * The benchmark's databases: only its own are dropped or created, and settling one leaves PostgreSQL nothing of a
 * warm-up to do later (no dead rows for autovacuum, a checkpoint done). The PostgreSQL part runs with
 * {@code mvn test -Ppostgres}.
 */
@Tag("integration")
class DatabaseTest {

    @Test
    void onlyTheBenchmarksOwnDatabasesAreTouched() {
        Database postgres = Database.of("postgres");
        assertThatThrownBy(() -> postgres.drop("ksflow")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.drop("ksflow_ci_1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.fresh("postgres")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postgres.drop("ksflow_bench; DROP DATABASE ksflow")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalPostgres.drop("postgres")).isInstanceOf(IllegalArgumentException.class);
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
    void settlingVacuumsCheckpointsAndWaitsForQuietThenDropRemovesTheDatabase() throws Exception {
        Database postgres = Database.of("postgres");
        String url = postgres.fresh("ksflow_bench_settle");
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE churn (id int PRIMARY KEY, payload text)");
            statement.execute("INSERT INTO churn SELECT n, repeat('x', 200) FROM generate_series(1, 20000) n");
            statement.execute("DELETE FROM churn WHERE id % 2 = 0");
            long checkpointsBefore = number(statement, "SELECT checkpoints_req FROM pg_stat_bgwriter");

            postgres.settle(url, 0); // the other test JVM may keep PostgreSQL busy: no wait for quiet here

            assertThat(number(statement, "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'churn'")).isZero();
            assertThat(number(statement, "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'churn' AND last_vacuum IS NOT NULL "
                    + "AND last_analyze IS NOT NULL")).isEqualTo(1);
            assertThat(number(statement, "SELECT checkpoints_req FROM pg_stat_bgwriter")).isGreaterThan(checkpointsBefore);
        }
        postgres.drop("ksflow_bench_settle");
        try (Connection admin = DriverManager.getConnection(LocalPostgres.url("postgres"), LocalPostgres.USER, "");
             Statement statement = admin.createStatement()) {
            assertThat(number(statement, "SELECT count(*) FROM pg_database WHERE datname = 'ksflow_bench_settle'")).isZero();
        }
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
