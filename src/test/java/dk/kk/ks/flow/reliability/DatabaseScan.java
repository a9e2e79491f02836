package dk.kk.ks.flow.reliability;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/** Reads every text and binary cell of every table in the application's schema, looking for given strings. */
final class DatabaseScan {

    private static final Set<Integer> SCANNED = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB, Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY);

    private DatabaseScan() {
    }

    /** "TABLE.COLUMN" (upper case) for each cell holding one of {@code needles} (binary cells read as UTF-8). */
    static List<String> cellsContainingAnyOf(DataSource dataSource, List<String> needles) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("No tables found in schema " + schema);
            }
            for (String table : tables) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                    while (rs.next()) {
                        if (SCANNED.contains(rs.getInt("DATA_TYPE")) || "bytea".equalsIgnoreCase(rs.getString("TYPE_NAME"))) {
                            columns.add(rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                if (!columns.isEmpty()) {
                    scan(connection, table, columns, needles, found);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void scan(Connection connection, String table, List<String> columns, List<String> needles, List<String> found)
            throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString();
        String select = "SELECT " + String.join(", ", columns.stream().map(c -> quote + c + quote).toList())
                + " FROM " + quote + table + quote;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    byte[] raw = rs.getBytes(i);
                    String cell = raw == null ? null : new String(raw, StandardCharsets.UTF_8);
                    if (cell != null && needles.stream().anyMatch(cell::contains)) {
                        found.add((table + "." + columns.get(i - 1)).toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
    }
}
