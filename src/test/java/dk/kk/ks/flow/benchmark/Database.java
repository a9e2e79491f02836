package dk.kk.ks.flow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where the benchmark's databases live: fresh PostgreSQL databases (dropped and created for each run, so
 * every run starts from the same empty state), or H2 in memory for the tiny run in the test build.
 */
record Database(boolean postgres) {

    private static final String HOST = "127.0.0.1:5432";
    private static final String POSTGRES_USER = "postgres";

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
        try (Connection admin = DriverManager.getConnection(url("postgres"), POSTGRES_USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name, e);
        }
        return url(name);
    }

    String user() {
        return postgres ? POSTGRES_USER : "sa";
    }

    private String url(String name) {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }
}
