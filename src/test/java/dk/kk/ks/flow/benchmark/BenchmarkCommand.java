package dk.kk.ks.flow.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The performance benchmark of issue 11 (README, "Ydeevne"). Starts KS Flow itself, in a child JVM:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dk.kk.ks.flow.benchmark.BenchmarkCommand \
 *     -Dexec.args="--count 10000 --rates 25,50,75,100 --seconds 60"
 * </pre>
 * Options: {@code --count} cases of the mix (0: none, and no baseline), {@code --warm-up} cases run first on each side
 * and not measured (default 3000), {@code --seed}, {@code --clients}
 * concurrent intake clients, {@code --db postgres|h2}, {@code --baseline true|false}, {@code --rates} of the
 * intake load test (empty: none), {@code --seconds} per rate, {@code --jfr} a flight recording file,
 * {@code --timeout-minutes}, {@code --app-args} more Spring Boot arguments for the application, separated by
 * {@code ;} (e.g. {@code --camunda.bpm.job-execution.max-pool-size=4}).
 */
public final class BenchmarkCommand {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkCommand.class);

    private BenchmarkCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--count", "10000", "--seed", "42", "--clients", "4", "--db", "postgres",
                "--baseline", "true", "--rates", "", "--seconds", "60", "--jfr", "", "--timeout-minutes", "30", "--app-args", ""));
        options.put("--warm-up", "3000");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        List<Integer> rates = options.get("--rates").isBlank() ? List.of()
                : Arrays.stream(options.get("--rates").split(",")).map(String::trim).map(Integer::parseInt).toList();
        Benchmark.Report report = Benchmark.run(new Benchmark.Options(Integer.parseInt(options.get("--count")),
                Integer.parseInt(options.get("--warm-up")),
                Long.parseLong(options.get("--seed")), Integer.parseInt(options.get("--clients")), Database.of(options.get("--db")),
                Boolean.parseBoolean(options.get("--baseline")), 25, rates, Integer.parseInt(options.get("--seconds")),
                options.get("--jfr").isBlank() ? null : Path.of(options.get("--jfr")),
                Duration.ofMinutes(Long.parseLong(options.get("--timeout-minutes"))),
                options.get("--app-args").isBlank() ? List.of() : List.of(options.get("--app-args").split(";"))));
        log.info("KS Flow benchmark (seed {}):\n{}", options.get("--seed"), report.text());
    }
}
