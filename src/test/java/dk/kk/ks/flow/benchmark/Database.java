package dk.kk.ks.flow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * Where the benchmark's databases live: fresh PostgreSQL databases (dropped and created for each run, so
 * every run starts from the same empty state), or H2 in memory for the tiny run in the test build.
 *
 * @param quietSeconds how long {@link #settle} waits at most for PostgreSQL to go quiet (a test, whose PostgreSQL
 *                     another test JVM keeps busy, waits little)
 */
record Database(boolean postgres, int quietSeconds) {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** PostgreSQL counts as idle below this share of one core, for {@link #IDLE_SECONDS} seconds in a row. */
    static final double IDLE_SHARE = 0.05;
    static final int IDLE_SECONDS = 2;

    static Database of(String kind) {
        return switch (kind) {
            case "postgres" -> new Database(true, 120);
            case "h2" -> new Database(false, 0);
            default -> throw new IllegalArgumentException("--db is postgres or h2, not " + kind);
        };
    }

    /**
     * One settling of a side's database: how long it took, the CPU seconds PostgreSQL's processes spent meanwhile
     * (the checkpoint, and whatever else ran), whether PostgreSQL was quiet at its end, and whether the server runs
     * autovacuum (which may then vacuum the emptied runtime tables at a moment that differs from run to run, see
     * {@link #settle}), and how many of the database's tables the planner had no statistics of (never analysed: before
     * the measured cases that means the warm-up's {@link #vacuumAndAnalyze} did not run). Zero says every table was
     * analysed, not that its statistics are good: a table that was empty when it was analysed is not counted either.
     */
    record Settled(double seconds, double postgresCpu, boolean quiet, boolean autovacuum, int unanalysed) {

        static final Settled NOTHING = new Settled(0, 0, true, false, 0);
    }

    /**
     * A side's database around its measured cases: settled before them (the warm-up's dirty pages written), and after
     * them (the measured cases' own, whose CPU is theirs).
     */
    record Settling(Settled before, Settled after) {

        static final Settling NOTHING = new Settling(Settled.NOTHING, Settled.NOTHING);

        /** The CPU PostgreSQL spent after the measured cases (their checkpoint), per ended case. */
        double deferredPerCase(int cases) {
            return after.postgresCpu() / Math.max(1, cases);
        }

        String summary(int cases) {
            return String.format(Locale.ROOT, "%.1f ms a case%s", 1000 * deferredPerCase(cases), before.quiet() ? ""
                    : " (PostgreSQL was not quiet when the measured cases began)");
        }
    }

    /** A JDBC URL of a database with this name, fresh (empty) for PostgreSQL. */
    String fresh(String name) {
        if (!postgres) {
            return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
        }
        return LocalPostgres.recreate(benchName(name));
    }

    /**
     * What the database server would otherwise do at a moment that differs from run to run, done now: {@code CHECKPOINT}
     * (dirty pages written now), then a wait until PostgreSQL's processes have been idle for {@link #IDLE_SECONDS}
     * seconds (at most {@link #quietSeconds}; autovacuum of another database, say). Before a side's measured cases it
     * writes the warm-up's pages; after them it does, and meters, the cases' own. Nothing for H2 in memory.
     * <p>
     * No {@code VACUUM}: at the end of a warm-up every case has ended, so the engine's runtime tables hold no live row,
     * and a vacuum records that (none) for the planner, replacing the row counts taken with cases in flight
     * ({@link #vacuumAndAnalyze}). Every statement the connections have prepared is planned again then, as on empty
     * tables, and the connections keep those plans while the measured cases fill the tables: the delete of a variable
     * by its key became a scan of the whole table (823 pages a call, 1.7 ms, in one run), the load of an execution's
     * variables, in another, a walk through the index of every variable without a task (9,815 pages, 14 ms) (README
     * "Ydeevne", "Plans made on emptied tables"). A production database, whose runtime tables always hold the cases in flight, is never
     * vacuumed empty. The dead rows of the warm-up's last cases (those that ended after {@link #vacuumAndAnalyze})
     * stay; reading by key steps over them. Where the server runs autovacuum it may vacuum the emptied tables all the same, at a moment
     * of its own: {@link Settled#autovacuum} says so, and the report with it.
     */
    Settled settle(String url) throws SQLException, InterruptedException {
        if (!postgres) {
            return Settled.NOTHING;
        }
        long started = System.nanoTime();
        double cpuBefore = CpuMeter.postgres();
        boolean autovacuum;
        int unanalysed;
        try (Connection connection = DriverManager.getConnection(url, user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            try (ResultSet state = statement.executeQuery("SELECT current_setting('autovacuum') = 'on', count(*)"
                    + " FROM pg_stat_user_tables WHERE last_analyze IS NULL AND last_autoanalyze IS NULL")) {
                state.next();
                autovacuum = state.getBoolean(1);
                unanalysed = state.getInt(2);
            }
        }
        boolean quiet = awaitIdle(CpuMeter::postgres, quietSeconds, () -> Thread.sleep(1000));
        Settled settled = new Settled((System.nanoTime() - started) / 1e9, CpuMeter.postgres() - cpuBefore, quiet, autovacuum,
                unanalysed);
        log.info("Database settled in {} s, {} s of PostgreSQL's CPU{}", Math.round(settled.seconds()),
                String.format(Locale.ROOT, "%.1f", settled.postgresCpu()), quiet ? "" : " (PostgreSQL was still busy at the end of the wait)");
        return settled;
    }

    /** A step of the benchmark that may touch the database. */
    interface Step {
        void run() throws Exception;
    }

    /**
     * {@code VACUUM (ANALYZE)} of the database, while a warm-up's cases are running: the planner's statistics of the engine's
     * runtime tables (variables, executions, jobs, tasks) are then those of a database with cases in flight, as a
     * production database always has. Without them (a fresh database) the planner guesses, and for the engine's most
     * frequent statement, the load of an execution's variables ({@code EXECUTION_ID_ = ? AND TASK_ID_ is null}), it
     * combines the index on the execution with the one on the task, reading the entries of every variable that belongs
     * to no task, nearly all of them, on each call. PostgreSQL's autovacuum would analyse the tables in the end, at a
     * moment that differs from run to run, and not at all where it is off (as on this project's CI machine). The vacuum
     * clears the dead rows of the warm-up's cases that have ended by then (not those of the rest, see {@link #settle});
     * with cases in flight it records their rows for the planner, not an empty table. Nothing for H2 in memory.
     */
    void vacuumAndAnalyze(String url) throws SQLException {
        if (!postgres) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        }
        log.info("Database vacuumed and analysed with cases in flight in {} ms", Math.round((System.nanoTime() - started) / 1e6));
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
     * the other side, or the next run, is measured. Nothing for H2 in memory (it goes with its JVM).
     */
    void drop(String name) {
        if (postgres) {
            LocalPostgres.drop(benchName(name));
        }
    }

    /** The name, if it is one of the benchmark's databases ({@code ksflow_bench*}); no other is dropped or created. */
    static String benchName(String name) {
        if (!name.matches("ksflow_bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("The benchmark only touches databases named ksflow_bench*: " + name);
        }
        return name;
    }

    String user() {
        return postgres ? LocalPostgres.USER : "sa";
    }
}
