package dk.kk.ks.flow.benchmark;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.support.TestClock;
import dk.kk.ks.flow.support.load.CaseMix;
import dk.kk.ks.flow.support.load.KsFlowClient;
import dk.kk.ks.flow.support.load.LocalPostgres;

/**
 * Cost as the history grows (issue 24, README "Ydeevne"): KS Flow in its own JVM on PostgreSQL, a few cases of
 * the mix run through it as templates, then for each step the database is filled ({@link HistoryFill}) up to
 * that many finished cases over the two years before the test clock's now, and measured:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dk.kk.ks.flow.benchmark.GrowthCommand \
 *     -Dexec.args="--steps 0,40000,75000,150000 --rates 25,50 --seconds 30"
 * </pre>
 * Options: {@code --templates} cases run through KS Flow first (default 140), {@code --history full|audit},
 * {@code --seed}, {@code --svg} where to write the plot (default docs/growth.svg; empty: none).
 */
public final class GrowthCommand {

    private static final Logger log = LoggerFactory.getLogger(GrowthCommand.class);
    private static final String DATABASE = "ksflow_bench_growth";
    private static final int LOOKUPS = 500;
    private static final int OPEN_TASKS = 500;
    private static final int HISTORY_DAYS = 730;

    /** One step's figures; latencies in milliseconds. */
    record Step(int filled, long finishedCases, double fillSeconds, double settleSeconds, Map<Integer, double[]> intakeP50P99, double byIdP99,
                double byRefP99, double filterP99, long filterCount, double benefitsMonth, double benefitsYear,
                int expired, double cleanupSeconds, long databaseBytes, List<String> biggestTables) {
    }

    private GrowthCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--steps", "0,40000,75000,150000", "--rates", "25,50", "--seconds", "30",
                "--templates", "140", "--history", "full", "--seed", "42", "--svg", "docs/growth.svg"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        List<Integer> steps = ints(options.get("--steps"));
        List<Integer> rates = ints(options.get("--rates"));
        int seconds = Integer.parseInt(options.get("--seconds"));
        long seed = Long.parseLong(options.get("--seed"));
        String history = options.get("--history");

        String url = LocalPostgres.recreate(DATABASE);
        List<Step> results = new ArrayList<>();
        String server = "PostgreSQL";
        try (AppProcess app = AppProcess.start("growth", url, Database.of("postgres"), null,
                List.of("--camunda.bpm.history-level=" + history));
             Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "")) {
            MixRun.Result templates = new MixRun(app).run(new CaseMix(seed, "BENCH", 1, Integer.parseInt(options.get("--templates"))),
                    4, Duration.ofMinutes(20), 1);
            log.info("{} template cases ran through KS Flow ({} ended)", templates.count(), templates.completed());
            openTasks(app.client());
            HistoryFill fill = new HistoryFill(connection);
            server = serverSettings(connection);
            int loadNumber = 1;
            // A warm-up: the first step measured once more before it counts, so no step measures a cold JVM.
            measure(app, connection, fill, steps.get(0), 0, 0, rates, seconds, seed, loadNumber);
            loadNumber += rates.stream().mapToInt(rate -> rate * seconds).sum();
            for (int target : steps) {
                Instant now = TestClock.now();
                int toAdd = Math.max(0, target - fill.copies());
                double fillSeconds = toAdd == 0 ? 0
                        : fill.fill(toAdd, now.minus(Duration.ofDays(HISTORY_DAYS)), now.minus(Duration.ofHours(1)), seed);
                double settleSeconds = toAdd == 0 ? 0 : fill.vacuumAnalyzeAndCheckpoint();
                Step step = measure(app, connection, fill, target, fillSeconds, settleSeconds, rates, seconds, seed, loadNumber);
                loadNumber += rates.stream().mapToInt(rate -> rate * seconds).sum();
                results.add(step);
                log.info("Growth step {}:\n{}", target, table(results, rates, history, server));
                // After every step, so a run stopped early still leaves the plot of the steps it measured.
                if (!options.get("--svg").isBlank()) {
                    Files.writeString(Path.of(options.get("--svg")), GrowthPlot.svg(results, rates, history));
                }
            }
        }
        log.info("Cost as the history grows (history level {}):\n{}", history, table(results, rates, history, server));
    }

    private static Step measure(AppProcess app, Connection connection, HistoryFill fill, int target, double fillSeconds,
                                double settleSeconds, List<Integer> rates, int seconds, long seed, int loadNumber) throws Exception {
        KsFlowClient client = app.client();
        Map<Integer, double[]> intake = new LinkedHashMap<>();
        int number = loadNumber;
        for (int rate : rates) {
            CaseMix cases = new CaseMix(seed + rate + target, "LOAD", number, rate * seconds);
            number += rate * seconds;
            long waiting = Benchmark.awaitJobsDone(app);
            cases.sandboxData().forEach((path, body) -> client.put(path, body, "demo"));
            // the fill analysed the database (HistoryFill.vacuumAnalyzeAndCheckpoint); only the latencies are used here
            IntakeLoad.Step step = new IntakeLoad(app).run(rate, seconds, cases.cases(), waiting, Database.Settled.NOTHING);
            intake.put(rate, new double[] {step.latencies().percentile(50), step.latencies().percentile(99), step.errors()});
        }
        Benchmark.awaitJobsDone(app);

        List<String[]> sample = sampleCases(connection, LOOKUPS, seed + target);
        Latencies byId = new Latencies();
        Latencies byRef = new Latencies();
        for (String[] one : sample) {
            byId.add(timed(client, "/api/v1/cases/" + one[0], "servicenow"));
            byRef.add(timed(client, "/api/v1/cases?serviceNowRef=" + one[1], "servicenow"));
        }

        String filterId = client.getJson("/engine-rest/filter?name=" + URLEncoder.encode("Opgaver til mine grupper", StandardCharsets.UTF_8),
                "demo").get(0).get("id").asText();
        long filterCount = client.getJson("/engine-rest/filter/" + filterId + "/count", "anna").get("count").asLong();
        Latencies filter = new Latencies();
        for (int i = 0; i < 50; i++) {
            filter.add(timed(client, "POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                    Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))), "anna"));
        }

        LocalDate today = TestClock.today();
        LocalDate monthStart = today.withDayOfMonth(1).minusMonths(1);
        double month = median(client, "/api/v1/benefits?from=" + monthStart + "&to=" + monthStart.plusMonths(1));
        double year = median(client, "/api/v1/benefits?from=" + today.minusYears(1) + "&to=" + today);

        // One day's expired cases: as many as one day of the period holds, started 731 days ago.
        int expired = Math.max(1, target / HISTORY_DAYS);
        Instant now = TestClock.now();
        fill.fill(expired, now.minus(Duration.ofDays(HISTORY_DAYS + 1)), now.minus(Duration.ofDays(HISTORY_DAYS)).minus(Duration.ofHours(1)),
                seed + 1);
        double cleanup = cleanup(client, connection, fill);

        long bytes;
        long finished;
        List<String> biggest = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                bytes = rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE SUPER_PROCESS_INSTANCE_ID_ IS NULL AND END_TIME_ IS NOT NULL")) {
                rs.next();
                finished = rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 6""")) {
                while (rs.next()) {
                    biggest.add(String.format(Locale.ROOT, "%s %.0f%%", rs.getString(1), 100.0 * rs.getLong(2) / bytes));
                }
            }
        }
        return new Step(target, finished, fillSeconds, settleSeconds, intake, byId.percentile(99), byRef.percentile(99), filter.percentile(99),
                filterCount, month, year, expired, cleanup, bytes, biggest);
    }

    /** Runs the history cleanup now and answers the seconds until no history row is due any more. */
    private static double cleanup(KsFlowClient client, Connection connection, HistoryFill fill) throws Exception {
        Timestamp now = Timestamp.from(TestClock.now());
        StringJoiner due = new StringJoiner(" + ");
        for (String table : fill.historyTables()) {
            due.add("(SELECT COUNT(*) FROM " + table + " WHERE REMOVAL_TIME_ <= ?)");
        }
        long started = System.nanoTime();
        HttpResponse<String> response = client.send("POST", "/engine-rest/history/cleanup?immediatelyDue=true", Map.of(), "demo");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("History cleanup: " + response.statusCode() + " " + response.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        try (PreparedStatement count = connection.prepareStatement("SELECT " + due)) {
            for (int i = 1; i <= fill.historyTables().size(); i++) {
                count.setTimestamp(i, now);
            }
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The history cleanup did not finish within 30 minutes");
    }

    /** {@code OPEN_TASKS} open tasks for anna's groups (once): standalone tasks, candidate group debitor-godkendere. */
    private static void openTasks(KsFlowClient client) {
        for (int i = 0; i < OPEN_TASKS; i++) {
            String id = "growth-task-" + i;
            check(client.send("POST", "/engine-rest/task/create", Map.of("id", id, "name", "Godkend udbetaling " + i), "demo"));
            check(client.send("POST", "/engine-rest/task/" + id + "/identity-links",
                    Map.of("groupId", "debitor-godkendere", "type", "candidate"), "demo"));
        }
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /** A random sample of finished cases (filled ones when there are any): id and ServiceNow number. */
    private static List<String[]> sampleCases(Connection connection, int count, long seed) throws SQLException {
        List<String[]> all = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT process_instance_id, service_now_ref FROM ksf_case_intake")) {
            while (rs.next()) {
                all.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(count, all.size()));
    }

    private static double timed(KsFlowClient client, String path, String user) {
        return timed(client, "GET", path, null, user);
    }

    private static double timed(KsFlowClient client, String method, String path, Object body, String user) {
        long before = System.nanoTime();
        check(client.send(method, path, body, user));
        return (System.nanoTime() - before) / 1e6;
    }

    private static double median(KsFlowClient client, String path) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 5; i++) {
            latencies.add(timed(client, path, "chef"));
        }
        return latencies.percentile(50);
    }

    static String table(List<Step> steps, List<Integer> rates, String history, String server) {
        StringJoiner out = new StringJoiner("\n");
        out.add(String.format(Locale.ROOT, "machine: %d cores, %.0f GiB heap max for this JVM, Java %s; %s; history level %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024.0 / 1024 / 1024,
                System.getProperty("java.version"), server, history));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%9s %9s %7s %8s", "filled", "finished", "fill s", "vacuum s"));
        rates.forEach(rate -> header.append(String.format(Locale.ROOT, " %17s", "intake " + rate + "/s p50/p99")));
        header.append(String.format(Locale.ROOT, " %8s %8s %8s %9s %9s %12s %8s %10s", "id p99", "ref p99", "filter", "ben.month", "ben.year",
                "cleanup", "KB/case", "DB MB"));
        out.add(header);
        for (Step step : steps) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,9d %,9d %7.0f %8.0f", step.filled(), step.finishedCases(),
                    step.fillSeconds(), step.settleSeconds()));
            rates.forEach(rate -> {
                double[] figures = step.intakeP50P99().get(rate);
                line.append(String.format(Locale.ROOT, " %17s", String.format(Locale.ROOT, "%.0f/%.0f ms%s", figures[0], figures[1], figures[2] > 0 ? " E" : "")));
            });
            line.append(String.format(Locale.ROOT, " %5.0f ms %5.0f ms %5.0f ms %6.0f ms %6.0f ms %12s %8.1f %10.0f",
                    step.byIdP99(), step.byRefP99(), step.filterP99(), step.benefitsMonth(), step.benefitsYear(),
                    String.format(Locale.ROOT, "%d in %.1f s", step.expired(), step.cleanupSeconds()),
                    step.databaseBytes() / 1024.0 / Math.max(1, step.finishedCases()), step.databaseBytes() / 1024.0 / 1024));
            out.add(line);
        }
        out.add("filter: 'Opgaver til mine grupper' as anna, open tasks it counts: "
                + steps.stream().map(step -> String.valueOf(step.filterCount())).distinct().toList());
        Step last = steps.get(steps.size() - 1);
        out.add("biggest tables at " + String.format(Locale.ROOT, "%,d", last.filled()) + ": " + String.join(", ", last.biggestTables()));
        return out.toString();
    }

    /** The server's version and the settings that decide how much of the history it keeps in memory. */
    private static String serverSettings(Connection connection) throws SQLException {
        StringJoiner settings = new StringJoiner(", ");
        try (Statement statement = connection.createStatement()) {
            for (String name : List.of("server_version", "shared_buffers", "effective_cache_size", "work_mem")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.add(name + " " + rs.getString(1));
                }
            }
        }
        return "PostgreSQL (" + settings + ")";
    }

    private static List<Integer> ints(String list) {
        return list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
