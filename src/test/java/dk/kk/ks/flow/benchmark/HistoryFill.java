package dk.kk.ks.flow.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a PostgreSQL database with finished cases in bulk, copying the history that real cases left.
 *
 * <p><b>Through the engine</b>: the templates, finished cases of the seven types that ran through KS Flow
 * itself (the intake API, the connectors against the sandbox, the caseworker's task completions; see
 * {@link MixRun}), so every history row is what the engine writes. <b>In bulk</b>: each copy is one
 * template's rows in every table that holds a case's history (every {@code ACT_HI_*} table with a
 * {@code ROOT_PROC_INST_ID_}, the history byte arrays in {@code ACT_GE_BYTEARRAY}) and KS Flow's own rows
 * ({@code ksf_case_intake}, {@code ksf_case_fact}, {@code ksf_approval}), copied with one
 * {@code INSERT ... SELECT} per table and chunk: every id gets the copy's own UUID node (the last twelve
 * hex digits; the same replacement in every column, so references between rows stay intact), every
 * timestamp (start, end, removal time, ...) is moved so the copy starts at its place in the period, the
 * business key becomes a ServiceNow number of its own ({@code FILL} and seven digits). Process,
 * decision and job definitions stay those of the deployed diagrams.
 *
 * <p>Copy {@code i} takes template {@code i mod templates} (templates in their start order), so the case
 * types come in the proportions of the mix the templates were run from, and so do the cases with a person.
 */
final class HistoryFill {

    private static final Logger log = LoggerFactory.getLogger(HistoryFill.class);

    static final String REF_PREFIX = "FILL";
    /** Ids of definitions and deployments: never changed by a copy. */
    private static final Set<String> KEPT_IDS = Set.of("PROC_DEF_ID_", "PROCESS_DEF_ID_", "DEC_DEF_ID_", "DEC_REQ_ID_",
            "CASE_DEF_ID_", "JOB_DEF_ID_", "DEPLOYMENT_ID_", "BATCH_ID_", "TENANT_ID_");
    private static final String UUID_HEAD = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{12}";
    /** Copies' UUID nodes count up from here, far from the nodes the engine's generator uses (its MAC-like ones). */
    private static final long NODE_BASE = 0xf1_0000_0000L;
    private static final int CHUNK = 5_000;

    /** One KS Flow table: its rows belong to the instance in {@code instanceColumn}. */
    private record OwnTable(String name, String instanceColumn, Map<String, String> columns) {
    }

    private static final List<OwnTable> OWN_TABLES = List.of(
            new OwnTable("ksf_case_intake", "process_instance_id", cols("case_type", "k", "service_now_ref", "ref", "request_hash", "k",
                    "process_instance_id", "id", "created_at", "time")),
            new OwnTable("ksf_case_fact", "process_instance_id", cols("process_instance_id", "id", "name", "k", "fact_value", "k",
                    "recorded_at", "time")),
            new OwnTable("ksf_approval", "process_instance_id", cols("process_instance_id", "id", "approval_number", "k",
                    "task_id", "id", "step", "k", "user_id", "k", "approved_at", "time")));

    private final Connection connection;

    HistoryFill(Connection connection) {
        this.connection = connection;
    }

    /** The templates: the finished root instances started through the intake API, in their start order. */
    List<String> templates() throws SQLException {
        List<String> templates = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p JOIN ksf_case_intake i ON i.process_instance_id = p.PROC_INST_ID_
                     WHERE p.END_TIME_ IS NOT NULL AND i.service_now_ref NOT LIKE 'FILL%' ORDER BY p.START_TIME_, p.PROC_INST_ID_""")) {
            while (rs.next()) {
                templates.add(rs.getString(1));
            }
        }
        return templates;
    }

    /** How many copies the database holds already (the next copy's number). */
    int copies() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM ksf_case_intake WHERE service_now_ref LIKE 'FILL%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Adds {@code count} finished cases, started at random moments (seeded) from {@code from} to {@code to}.
     * Answers the seconds it took.
     */
    double fill(int count, Instant from, Instant to, long seed) throws SQLException {
        long started = System.nanoTime();
        List<String> templates = templates();
        if (templates.isEmpty()) {
            throw new IllegalStateException("No finished case to copy: run a few cases through KS Flow first");
        }
        Map<String, Instant> templateStart = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT PROC_INST_ID_, START_TIME_ FROM ACT_HI_PROCINST WHERE SUPER_PROCESS_INSTANCE_ID_ IS NULL")) {
            while (rs.next()) {
                templateStart.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        int first = copies();
        if (first + count > 9_999_999) {
            throw new IllegalArgumentException("ServiceNow numbers have seven digits");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS fill_plan (copy_no INTEGER PRIMARY KEY, template VARCHAR(64) NOT NULL, "
                    + "shift INTERVAL NOT NULL, node VARCHAR(12) NOT NULL, ref VARCHAR(20) NOT NULL)");
            statement.execute("TRUNCATE fill_plan");
            Random random = new Random(seed + first);
            long span = Duration.between(from, to).toMillis();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO fill_plan VALUES (?, ?, make_interval(secs => ?::double precision / 1000), ?, ?)")) {
                for (int i = first; i < first + count; i++) {
                    String template = templates.get(i % templates.size());
                    Instant start = from.plusMillis((long) (random.nextDouble() * span));
                    insert.setInt(1, i);
                    insert.setString(2, template);
                    insert.setLong(3, Duration.between(templateStart.get(template), start).toMillis());
                    insert.setString(4, String.format(Locale.ROOT, "%012x", NODE_BASE + i));
                    insert.setString(5, String.format(Locale.ROOT, "%s%07d", REF_PREFIX, i + 1));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.execute("ANALYZE fill_plan");
            // The instance tree of each template (a dismissal calls a resignation): which rows a copy takes.
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS fill_tree AS SELECT PROC_INST_ID_ AS instance, ROOT_PROC_INST_ID_ AS root "
                    + "FROM ACT_HI_PROCINST WHERE 1 = 0");
            statement.execute("TRUNCATE fill_tree");
            statement.execute("INSERT INTO fill_tree SELECT PROC_INST_ID_, ROOT_PROC_INST_ID_ FROM ACT_HI_PROCINST "
                    + "WHERE ROOT_PROC_INST_ID_ IN (SELECT DISTINCT template FROM fill_plan)");
            connection.commit();
            List<String> copyStatements = copyStatements();
            for (int chunk = first; chunk < first + count; chunk += CHUNK) {
                for (String sql : copyStatements) {
                    try (PreparedStatement copy = connection.prepareStatement(sql)) {
                        copy.setInt(1, chunk);
                        copy.setInt(2, Math.min(first + count, chunk + CHUNK) - 1);
                        copy.executeUpdate();
                    }
                }
                connection.commit();
                log.info("Filled {} of {} cases", Math.min(count, chunk + CHUNK - first), count);
            }
            statement.execute("ANALYZE");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * What a database that has held its history for two years has long had done to it, and a bulk fill has not:
     * {@code VACUUM (ANALYZE)} (visibility map and hint bits set, so a first read does not write the page, and no
     * autovacuum of the new rows starts in the middle of a measurement), then a {@code CHECKPOINT} (the fill's
     * dirty pages written now, not during the measurement). Answers the seconds it took.
     */
    double vacuumAnalyzeAndCheckpoint() throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
            statement.execute("CHECKPOINT");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        log.info("Vacuumed, analysed and checkpointed in {} s", Math.round((System.nanoTime() - started) / 1e9));
        return (System.nanoTime() - started) / 1e9;
    }

    /** One INSERT ... SELECT per table, for the copies numbered from ? to ? (inclusive). */
    private List<String> copyStatements() throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String table : historyTables()) {
            Map<String, String> columns = columns(table);
            StringJoiner names = new StringJoiner(", ");
            StringJoiner values = new StringJoiner(", ");
            columns.forEach((column, type) -> {
                names.add(column);
                values.add(camundaValue(column, type));
            });
            statements.add("INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table
                    + " t JOIN fill_plan p ON t.ROOT_PROC_INST_ID_ = p.template WHERE p.copy_no BETWEEN ? AND ?");
        }
        for (OwnTable table : OWN_TABLES) {
            StringJoiner names = new StringJoiner(", ");
            StringJoiner values = new StringJoiner(", ");
            table.columns().forEach((column, kind) -> {
                names.add(column);
                values.add(switch (kind) {
                    case "id" -> newId("t." + column);
                    case "time" -> "t." + column + " + p.shift";
                    case "ref" -> "p.ref";
                    default -> "t." + column;
                });
            });
            statements.add("INSERT INTO " + table.name() + " (" + names + ") SELECT " + values + " FROM " + table.name()
                    + " t JOIN fill_tree tree ON tree.instance = t." + table.instanceColumn()
                    + " JOIN fill_plan p ON tree.root = p.template WHERE p.copy_no BETWEEN ? AND ?");
        }
        return statements;
    }

    private static String camundaValue(String column, String type) {
        String upper = column.toUpperCase(Locale.ROOT);
        if (type.startsWith("timestamp")) {
            return "t." + column + " + p.shift";
        }
        if (upper.equals("BUSINESS_KEY_")) {
            return "CASE WHEN t." + column + " IS NULL THEN NULL ELSE p.ref END";
        }
        if (upper.endsWith("ID_") && !KEPT_IDS.contains(upper) && type.startsWith("character varying")) {
            return newId("t." + column);
        }
        return "t." + column;
    }

    private static String newId(String expression) {
        return "regexp_replace(" + expression + ", '" + UUID_HEAD + "', '\\1' || p.node, 'g')";
    }

    /** The tables that hold a case's history: each ACT_HI_* table with a root instance, and the history's byte arrays. */
    List<String> historyTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT table_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND column_name = 'root_proc_inst_id_'
                       AND (table_name LIKE 'act\\_hi\\_%' OR table_name = 'act_ge_bytearray')
                     ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private Map<String, String> columns(String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return columns;
    }

    private static Map<String, String> cols(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }
}
