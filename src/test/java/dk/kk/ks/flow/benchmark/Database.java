package dk.kk.ks.flow.benchmark;

import java.util.UUID;

import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * Where the benchmark's databases live: fresh PostgreSQL databases (dropped and created for each run, so
 * every run starts from the same empty state), or H2 in memory for the tiny run in the test build.
 */
record Database(boolean postgres) {

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
        if (!name.matches("ksflow_bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("The benchmark only touches databases named ksflow_bench*: " + name);
        }
        return LocalPostgres.recreate(name);
    }

    String user() {
        return postgres ? LocalPostgres.USER : "sa";
    }
}
