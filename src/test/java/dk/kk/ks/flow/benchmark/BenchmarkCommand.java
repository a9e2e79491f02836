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
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Options come in pairs (--name value); the last has no value: " + args[args.length - 1]);
        }
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
            if (System.getProperty(RATIOS_FILE) == null) {
                log.info("KS Flow benchmark (seed {}):\n{}", options.get("--seed"), Benchmark.run(benchmark).text());
                return;
            }
            runAsChild(benchmark, options.get("--seed"), Path.of(System.getProperty(RATIOS_FILE)));
            return; // not reached: the child's JVM ends in runAsChild
        }
        List<Benchmark.Ratios> ratios = new ArrayList<>();
        try {
            for (int run = 1; run <= repeat; run++) {
                log.info("KS Flow benchmark, run {} of {}", run, repeat);
                ratios.add(runAlone(args, run));
            }
        } finally {
            if (!ratios.isEmpty()) { // also the runs that ended before one failed
                log.info("KS Flow benchmark (seed {}), {} of {} runs:\n{}", options.get("--seed"), ratios.size(), repeat,
                        new Benchmark.Repeated(ratios).text());
            }
        }
    }

    /**
     * A run that --repeat started: its report, its ratios written for the command that started it, then the JVM's end,
     * also when a thread of the run is left (the parent waits for this JVM's exit), and when the parent itself is gone.
     */
    private static void runAsChild(Benchmark.Options benchmark, String seed, Path ratiosFile) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            log.warn("The command that started this run has ended: so does this run, with KS Flow's JVM");
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            System.exit(1);
        }));
        int exit = 1;
        try {
            Benchmark.Report report = Benchmark.run(benchmark);
            log.info("KS Flow benchmark (seed {}):\n{}", seed, report.text());
            Benchmark.Ratios.of(report).write(ratiosFile);
            exit = 0;
        } catch (Exception | Error e) {
            log.error("The run failed", e);
        } finally {
            System.exit(exit);
        }
    }

    /**
     * One run of the command with {@code --repeat 1} in a JVM of its own, so that no run meets the code an earlier run
     * compiled in the bare engine's JVM (which is the command's). Stopped with its descendants (KS Flow's JVM) if this JVM
     * ends first.
     */
    private static Benchmark.Ratios runAlone(String[] args, int run) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "benchmark"));
        Path ratiosFile = dir.resolve("ratios-" + ProcessHandle.current().pid() + "-" + run + ".properties");
        Files.deleteIfExists(ratiosFile);
        Map<String, String> properties = new java.util.TreeMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        Process child = new ProcessBuilder(childCommand(args, properties, AppProcess.classpath(), ratiosFile)).inheritIO().start();
        Thread stopChild = new Thread(() -> stop(child));
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            int exit = child.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Run " + run + " of the benchmark failed (exit code " + exit + "; its log is above)");
            }
            return Benchmark.Ratios.read(ratiosFile);
        } finally {
            stop(child);
            Runtime.getRuntime().removeShutdownHook(stopChild);
            Files.deleteIfExists(ratiosFile);
        }
    }

    private static void stop(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
    }

    /**
     * The command line of one run: this JVM's java, the {@code ksflow.*} system properties (the test clock's moment), the
     * file for its ratios, the class path, and the same options with {@code --repeat 1}.
     */
    static List<String> childCommand(String[] args, Map<String, String> properties, String classpath, Path ratiosFile) {
        List<String> command = new ArrayList<>(List.of(AppProcess.java()));
        properties.forEach((name, value) -> {
            if (name.startsWith("ksflow.") && !name.equals(RATIOS_FILE)) {
                command.add("-D" + name + "=" + value);
            }
        });
        command.add("-D" + RATIOS_FILE + "=" + ratiosFile.toAbsolutePath());
        command.addAll(List.of("-cp", classpath, BenchmarkCommand.class.getName()));
        for (int i = 0; i + 1 < args.length; i += 2) {
            command.add(args[i]);
            command.add(args[i].equals("--repeat") ? "1" : args[i + 1]);
        }
        return command;
    }
}
