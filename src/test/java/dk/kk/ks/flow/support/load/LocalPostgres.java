package dk.kk.ks.flow.support.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The local PostgreSQL server that .ci/run starts (127.0.0.1:5432, user postgres, trust authentication) for runs that need fresh databases. */
public final class LocalPostgres {

    public static final String USER = "postgres";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private LocalPostgres() {
    }

    public static String url(String database) {
        return SERVER + database;
    }

    /** Drops the database (closing its connections) and creates it empty; answers its JDBC URL. */
    public static String recreate(String database) {
        admin(database, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        return url(database);
    }

    /** Drops the database, closing its connections. */
    public static void drop(String database) {
        admin(database, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void admin(String database, String... statements) {
        if (!database.matches("ksflow_[a-z0-9_]+")) {
            throw new IllegalArgumentException("Only databases named ksflow_* are dropped or created: " + database);
        }
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop or create the database " + database + " (is PostgreSQL running on 127.0.0.1:5432?)", e);
        }
    }
}
