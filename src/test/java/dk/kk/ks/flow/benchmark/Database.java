package dk.kk.ks.flow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * Where the benchmark's databases live: fresh PostgreSQL databases (dropped and created for each run, so
 * every run starts from the same empty state), or H2 in memory for the tiny run in the test build.
 */
record Database(boolean postgres) {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** PostgreSQL counts as idle below this share of one core, for {@link #IDLE_SECONDS} seconds in a row. */
    static final double IDLE_SHARE = 0.05;
    static final int IDLE_SECONDS = 2;
    private static final int MAX_WAIT_SECONDS = 120;

    static Database of(String kind) {
        return switch (kind) {
            case "postgres" -> new Database(true);
            case "h2" -> new Database(false);
            default -> throw new IllegalArgumentException("--db is postgres or h2, not " + kind);
        };
    }

    /** A JDBC URL of a database with this name, fresh (empty) for PostgreSQL. */
    String fresh(String name) {
        if (!postgres) {
            return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
        }
        requireBenchName(name);
        return LocalPostgres.recreate(name);
    }

    /**
     * Before a side's measured cases: what the database server would otherwise do at a moment that differs from run to
     * run, done now. {@code VACUUM (ANALYZE)} of the database (autovacuum would start on the warm-up's dead rows in the
     * middle of the measured cases), {@code CHECKPOINT} (the warm-up's dirty pages written now), then a wait until
     * PostgreSQL's processes have been idle for {@link #IDLE_SECONDS} seconds (at most two minutes; autovacuum of
     * another database, say). Nothing for H2 in memory. Answers the seconds it took.
     */
    double settle(String url) throws SQLException, InterruptedException {
        return settle(url, MAX_WAIT_SECONDS);
    }

    /** {@link #settle(String)} with at most {@code maxWaitSeconds} of waiting for quiet. */
    double settle(String url, int maxWaitSeconds) throws SQLException, InterruptedException {
        if (!postgres) {
            return 0;
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user(), "")) {
            vacuumAndCheckpoint(connection);
        }
        boolean idle = awaitIdle(CpuMeter::postgres, maxWaitSeconds, () -> Thread.sleep(1000));
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Database settled in {} s{}", Math.round(seconds), idle ? "" : " (PostgreSQL was still busy at the end of the wait)");
        return seconds;
    }

    /** {@code VACUUM (ANALYZE)} of the connection's database, then {@code CHECKPOINT}, outside any transaction. */
    static void vacuumAndCheckpoint(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
            statement.execute("CHECKPOINT");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** One second of waiting (a test's is none). */
    interface Second {
        void pass() throws InterruptedException;
    }

    /**
     * Until the CPU seconds read by {@code cpuSeconds} grew by less than {@link #IDLE_SHARE} in each of
     * {@link #IDLE_SECONDS} seconds in a row; false if that did not happen within {@code maxSeconds}.
     */
    static boolean awaitIdle(DoubleSupplier cpuSeconds, int maxSeconds, Second second) throws InterruptedException {
        int idleSeconds = 0;
        double before = cpuSeconds.getAsDouble();
        for (int waited = 0; waited < maxSeconds && idleSeconds < IDLE_SECONDS; waited++) {
            second.pass();
            double now = cpuSeconds.getAsDouble();
            idleSeconds = now - before < IDLE_SHARE ? idleSeconds + 1 : 0;
            before = now;
        }
        return idleSeconds >= IDLE_SECONDS;
    }

    /**
     * Drops a database that has served its side of the run, so that nothing of it (autovacuum of its rows) runs while
     * the other side is measured. Nothing for H2 in memory (it goes with its JVM).
     */
    void drop(String name) {
        if (postgres) {
            requireBenchName(name);
            LocalPostgres.drop(name);
        }
    }

    private static void requireBenchName(String name) {
        if (!name.matches("ksflow_bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("The benchmark only touches databases named ksflow_bench*: " + name);
        }
    }

    String user() {
        return postgres ? LocalPostgres.USER : "sa";
    }
}
