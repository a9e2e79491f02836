package dk.kk.ks.flow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dk.kk.ks.flow.benefits.BenefitsOracle;
import dk.kk.ks.flow.benefits.BenefitsReport;
import dk.kk.ks.flow.support.TestClock;
import dk.kk.ks.flow.support.load.CaseMix;
import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * The fill command at small scale, on PostgreSQL only ({@code mvn test -Ppostgres}): 35 cases of the mix run
 * through KS Flow, then 2,000 copies in bulk. Each copy has, table by table, as many history rows as the case
 * it copies, the same columns filled, references that lead to its own rows, and reads back through the API as
 * a finished case of its type; the benefits report's database figures equal the old in-memory ones on it.
 */
@Tag("integration")
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = "postgres")
class HistoryFillTest {

    private static final int TEMPLATES = 35;
    private static final int COPIES = 2_000;

    @Test
    void copiesHoldTheHistoryTheEngineWroteAndTheReportCountsThem() throws Exception {
        String url = LocalPostgres.recreate("ksflow_bench_fill");
        try (AppProcess app = AppProcess.start("fill", url, Database.of("postgres"), null, List.of());
             Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "")) {
            MixRun.Result run = new MixRun(app).run(new CaseMix(7, "BENCH", 1, TEMPLATES), 4, Duration.ofMinutes(3), 1);
            assertThat(run.completed()).isEqualTo(TEMPLATES);
            HistoryFill fill = new HistoryFill(connection);
            List<String> templates = fill.templates();
            assertThat(templates).hasSize(TEMPLATES);

            Instant now = TestClock.now();
            fill.fill(COPIES, now.minus(Duration.ofDays(730)), now.minus(Duration.ofHours(1)), 1);
            assertThat(fill.copies()).isEqualTo(COPIES);
            // left as two years of use would leave it: vacuumed and analysed, the history's new rows included
            assertThat(fill.vacuumAnalyzeAndCheckpoint()).isPositive();
            assertThat(count(connection, "SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'act_hi_procinst'"
                    + " AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL")).isEqualTo(1);

            // Copy i is template i mod 35: the same rows per table as its template, and the same columns filled.
            Map<String, String> templateOfCopy = new HashMap<>();
            for (String[] copy : rows(connection, "SELECT process_instance_id, service_now_ref FROM ksf_case_intake WHERE service_now_ref LIKE 'FILL%'")) {
                int number = Integer.parseInt(copy[1].substring(4)) - 1;
                templateOfCopy.put(copy[0], templates.get(number % TEMPLATES));
            }
            assertThat(templateOfCopy).hasSize(COPIES);
            List<String> tables = new ArrayList<>(fill.historyTables());
            assertThat(tables).contains("act_hi_procinst", "act_hi_actinst", "act_hi_varinst", "act_hi_taskinst", "act_hi_detail",
                    "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out", "act_hi_job_log", "act_ge_bytearray");
            for (String table : tables) {
                Map<String, Long> rowsPerRoot = new HashMap<>();
                for (String[] row : rows(connection, "SELECT ROOT_PROC_INST_ID_, COUNT(*) FROM " + table + " GROUP BY ROOT_PROC_INST_ID_")) {
                    if (row[0] != null) {
                        rowsPerRoot.put(row[0], Long.parseLong(row[1]));
                    }
                }
                templateOfCopy.forEach((copy, template) -> assertThat(rowsPerRoot.get(copy)).as(table + " rows of a copy")
                        .isEqualTo(rowsPerRoot.get(template)));
                assertThat(filledColumns(connection, table, "IN")).as(table + " columns filled")
                        .isEqualTo(filledColumns(connection, table, "NOT IN"));
            }
            for (String table : List.of("ksf_case_intake", "ksf_case_fact", "ksf_approval")) {
                long ofTemplates = count(connection, "SELECT COUNT(*) FROM " + table + " t JOIN ACT_HI_PROCINST h ON h.PROC_INST_ID_ = t.process_instance_id "
                        + "JOIN ksf_case_intake i ON i.process_instance_id = h.ROOT_PROC_INST_ID_ WHERE i.service_now_ref NOT LIKE 'FILL%'");
                long all = count(connection, "SELECT COUNT(*) FROM " + table);
                long expected = 0;
                for (String template : templateOfCopy.values()) {
                    expected += count(connection, "SELECT COUNT(*) FROM " + table + " t JOIN ACT_HI_PROCINST h ON h.PROC_INST_ID_ = t.process_instance_id "
                            + "WHERE h.ROOT_PROC_INST_ID_ = '" + template + "'");
                }
                assertThat(all - ofTemplates).as(table + " rows of the copies").isEqualTo(expected);
            }
            // References lead to the copy's own rows: variables to their instance and byte arrays, tasks to their instance.
            assertThat(count(connection, "SELECT COUNT(*) FROM ACT_HI_VARINST v LEFT JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = v.PROC_INST_ID_ "
                    + "WHERE v.PROC_INST_ID_ IS NOT NULL AND p.ID_ IS NULL")).isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM ACT_HI_VARINST v LEFT JOIN ACT_GE_BYTEARRAY b ON b.ID_ = v.BYTEARRAY_ID_ "
                    + "WHERE v.BYTEARRAY_ID_ IS NOT NULL AND b.ID_ IS NULL")).isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM ACT_HI_TASKINST t LEFT JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_ "
                    + "WHERE t.PROC_INST_ID_ IS NOT NULL AND p.ID_ IS NULL")).isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE 'FILL%' AND SUPER_PROCESS_INSTANCE_ID_ IS NULL "
                    + "AND (START_TIME_ < '" + Timestamp.from(now.minus(Duration.ofDays(730))) + "' OR START_TIME_ >= '"
                    + Timestamp.from(now) + "')")).isZero();

            // The API reads a copy as the finished case its template was, under its own ServiceNow number.
            String copy = templateOfCopy.keySet().iterator().next();
            JsonNode copied = app.client().getJson("/api/v1/cases/" + copy, "servicenow");
            JsonNode original = app.client().getJson("/api/v1/cases/" + templateOfCopy.get(copy), "servicenow");
            assertThat(copied.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(copied.get("caseType")).isEqualTo(original.get("caseType"));
            assertThat(copied.get("outcome")).isEqualTo(original.get("outcome"));
            assertThat(copied.get("result")).isEqualTo(original.get("result"));
            assertThat(app.client().getJson("/api/v1/cases?serviceNowRef=" + copied.get("serviceNowRef").asText(), "servicenow"))
                    .singleElement().satisfies(found -> assertThat(found.get("caseId").asText()).isEqualTo(copy));

            // The benefits report's figures from the database equal those the old way computes, for a month and a year.
            List<String> keys = rows(connection, "SELECT DISTINCT KEY_ FROM ACT_RE_PROCDEF").stream().map(row -> row[0]).toList();
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, LocalPostgres.USER, ""));
            ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                    .setProcessEngineName("fill-oracle").setJdbcUrl(url).setJdbcUsername(LocalPostgres.USER).setJdbcPassword("")
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE).setJobExecutorActivate(false)
                    .setHistory(ProcessEngineConfiguration.HISTORY_FULL).buildProcessEngine();
            try {
                LocalDate today = TestClock.today();
                for (LocalDate from : List.of(today.minusMonths(2), today.minusYears(1))) {
                    Map<String, BenefitsReport.Figures> figures = BenefitsReport.figures(jdbc, keys, from, today);
                    assertThat(figures).isEqualTo(BenefitsOracle.figures(engine.getHistoryService(), keys, from, today));
                    assertThat(figures.values().stream().mapToLong(BenefitsReport.Figures::started).sum()).isPositive();
                }
            } finally {
                engine.close();
            }
        }
    }

    /** The columns of a table with a value in some row of the templates' history ("IN") or of the copies' ("NOT IN"). */
    private static Set<String> filledColumns(Connection connection, String table, String templatesOrCopies) throws SQLException {
        Set<String> filled = new TreeSet<>();
        String rows = " FROM " + table + " WHERE ROOT_PROC_INST_ID_ " + templatesOrCopies
                + " (SELECT process_instance_id FROM ksf_case_intake WHERE service_now_ref NOT LIKE 'FILL%')";
        for (String[] column : rows(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = '" + table + "'")) {
            if (count(connection, "SELECT COUNT(" + column[0] + ")" + rows) > 0) {
                filled.add(column[0]);
            }
        }
        return filled;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        return Long.parseLong(rows(connection, sql).get(0)[0]);
    }

    private static List<String[]> rows(Connection connection, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
