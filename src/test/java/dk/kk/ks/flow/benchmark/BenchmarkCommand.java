package dk.kk.ks.flow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@code ;} (e.g. {@code --camunda.bpm.job-execution.max-pool-size=4}), {@code --repeat} runs of the whole command one
 * after the other (default 1), each in a JVM of its own and reported, then their ratios' median, lowest and highest (a
 * flight recording is of the last run: each run writes the same file).
 */
public final class BenchmarkCommand {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkCommand.class);
    /** Where a run started by {@code --repeat} writes its ratios for the command that started it. */
    static final String RATIOS_FILE = "ksflow.benchmark.ratios-file";

    private BenchmarkCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--count", "10000", "--seed", "42", "--clients", "4", "--db", "postgres",
                "--baseline", "true", "--rates", "", "--seconds", "60", "--jfr", "", "--timeout-minutes", "30", "--app-args", ""));
        options.put("--warm-up", "3000");
        options.put("--repeat", "1");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        List<Integer> rates = options.get("--rates").isBlank() ? List.of()
                : Arrays.stream(options.get("--rates").split(",")).map(String::trim).map(Integer::parseInt).toList();
        Benchmark.Options benchmark = new Benchmark.Options(Integer.parseInt(options.get("--count")),
                Integer.parseInt(options.get("--warm-up")),
                Long.parseLong(options.get("--seed")), Integer.parseInt(options.get("--clients")), Database.of(options.get("--db")),
                Boolean.parseBoolean(options.get("--baseline")), 25, rates, Integer.parseInt(options.get("--seconds")),
                options.get("--jfr").isBlank() ? null : Path.of(options.get("--jfr")),
                Duration.ofMinutes(Long.parseLong(options.get("--timeout-minutes"))),
                options.get("--app-args").isBlank() ? List.of() : List.of(options.get("--app-args").split(";")));
        int repeat = Integer.parseInt(options.get("--repeat"));
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be 1 or more, not " + repeat);
        }
        if (repeat == 1) {
            Benchmark.Report report = Benchmark.run(benchmark);
            log.info("KS Flow benchmark (seed {}):\n{}", options.get("--seed"), report.text());
            String ratiosFile = System.getProperty(RATIOS_FILE);
            if (ratiosFile != null) {
                Benchmark.Ratios.of(report).write(Path.of(ratiosFile));
            }
            return;
        }
        List<Benchmark.Ratios> ratios = new ArrayList<>();
        try {
            for (int run = 1; run <= repeat; run++) {
                log.info("KS Flow benchmark, run {} of {}", run, repeat);
                ratios.add(runAlone(args));
            }
        } finally {
            if (!ratios.isEmpty()) { // also the runs that ended before one failed
                log.info("KS Flow benchmark (seed {}), {} of {} runs:\n{}", options.get("--seed"), ratios.size(), repeat,
                        new Benchmark.Repeated(ratios).text());
            }
        }
    }

    /**
     * One run of the command with {@code --repeat 1}, in a JVM of its own, as if it were started by hand: in one JVM the bare
     * engine, which runs in the command's JVM, would meet the code its earlier runs compiled (its CPU a case fell from 24.7 to
     * 13.3 ms between a first and a second run in one JVM, README "Ydeevne"), while KS Flow starts afresh each run.
     */
    private static Benchmark.Ratios runAlone(String[] args) throws IOException, InterruptedException {
        Path ratiosFile = Files.createTempFile("ksflow-benchmark-ratios-", ".properties");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + RATIOS_FILE + "=" + ratiosFile));
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("ksflow.") && !name.equals(RATIOS_FILE))
                    .sorted().forEach(name -> command.add("-D" + name + "=" + System.getProperty(name))); // the test clock's moment
            command.addAll(List.of("-cp", AppProcess.classpath(), BenchmarkCommand.class.getName()));
            for (int i = 0; i + 1 < args.length; i += 2) {
                command.add(args[i]);
                command.add(args[i].equals("--repeat") ? "1" : args[i + 1]);
            }
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("A run of the benchmark failed (exit code " + exit + "): " + String.join(" ", command));
            }
            return Benchmark.Ratios.read(ratiosFile);
        } finally {
            Files.deleteIfExists(ratiosFile);
        }
    }
}
