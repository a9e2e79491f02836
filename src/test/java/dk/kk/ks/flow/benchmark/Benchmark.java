package dk.kk.ks.flow.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.sandbox.SandboxSystems;
import dk.kk.ks.flow.support.load.CaseMix;

/**
 * The whole benchmark: KS Flow in its own JVM on a fresh database, a month's mix through the intake API to
 * the end, then (optionally) the open-model intake load at each rate, then the same cases on the bare engine.
 * The baseline runs after KS Flow has stopped, so the two never share the machine, and after KS Flow's database is
 * dropped, so that its autovacuum does not either. Each side's database is settled ({@link Database#settle}) before
 * its measured cases (the warm-up's dirty pages written now, not at a moment that differs from run to run) and after them
 * (their own, whose CPU the report gives per case), and before each load step.
 */
final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    private static final String KS_FLOW_DATABASE = "ksflow_bench";

    /**
     * What to run; {@code count} 0 skips the mix (and so the baseline), an empty {@code rates} the load test.
     * {@code warmUp} cases of the same mix run to their end first on each side, not measured: the JIT compiler's work
     * of the first minutes is a cost of starting, not of a case.
     */
    record Options(int count, int warmUp, long seed, int clients, Database database, boolean baseline, int recordPerType,
                   List<Integer> rates, int seconds, Path jfr, Duration timeout, List<String> appArguments) {
    }

    record Report(Options options, MixRun.Result mix, BareEngineBaseline.Result baseline, List<IntakeLoad.Step> load) {

        double ratio() {
            return mix == null || baseline == null ? 0 : mix.casesPerSecond() / baseline.casesPerSecond();
        }

        /**
         * The highest intake rate tried whose p99 stayed under 100 ms with no errors, and so did every lower rate
         * tried (a lucky pass above a failed rate does not count); 0 if none.
         */
        int intakeCapacity() {
            int capacity = 0;
            for (IntakeLoad.Step step : load.stream().sorted(Comparator.comparingInt(IntakeLoad.Step::rate)).toList()) {
                if (!step.p99Under(100)) {
                    break;
                }
                capacity = step.rate();
            }
            return capacity;
        }

        /** That rate over the bare engine's end-to-end throughput (issue 24's target: at least 2). */
        double intakeRatio() {
            return baseline == null ? 0 : intakeCapacity() / baseline.casesPerSecond();
        }

        /** The bare engine's CPU per case over KS Flow's, all processes; 0 without both sides' CPU. */
        double cpuRatio() {
            return mix == null || baseline == null || mix.cpu().total() <= 0 ? 0
                    : baseline.cpu().totalPerCase(baseline.finished()) / mix.cpu().totalPerCase(mix.completed());
        }

        /** A note when a side's database had tables the planner had no statistics of when its measured cases began. */
        private static Optional<String> unanalysedNote(String side, Database.Settled before) {
            return before.unanalysed() == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "NOTE: when %s's measured"
                    + " cases began the planner had no statistics of %d of its database's tables (never analysed): their plans are"
                    + " guesses (Database.vacuumAndAnalyze)", side, before.unanalysed()));
        }

        String text() {
            StringJoiner out = new StringJoiner("\n");
            out.add(String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s; database %s", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                    options.database().postgres() ? "PostgreSQL" : "H2 in memory"));
            if (mix != null) {
                out.add(String.format(Locale.ROOT, "KS Flow: %d of %d cases ended in %.1f s: %.1f cases/s end to end (%d intake clients, %d intake errors)"
                                + "; before them, not measured, a warm-up of %d cases on each side",
                        mix.completed(), mix.count(), mix.seconds(), mix.casesPerSecond(), options.clients(), mix.intakeErrors(),
                        options.warmUp()));
                out.add("intake latency: " + mix.intake().summary());
                out.add(String.format(Locale.ROOT, "SQL statements per case: %.1f (every statement the application sent, over the run)",
                        (double) mix.statements() / Math.max(1, mix.completed())));
                out.add(mix.usage().summary());
                out.add(mix.cpu().perCase(mix.completed(), "application", "load generator and caseworker"));
                StringJoiner byKind = new StringJoiner(", ", "  of which, in the application's HTTP threads, serving (from the first filter on): ", "");
                mix.httpCpu().forEach((kind, seconds) -> byKind.add(String.format(Locale.ROOT, "%s %.1f ms", kind.tag(), 1000 * seconds / Math.max(1, mix.completed()))));
                out.add(byKind.toString());
                out.add("caseworker refusals: " + mix.refusals().size());
                out.add(String.format(Locale.ROOT, "%-30s %6s %6s %14s %14s", "case type", "cases", "ended", "median KS Flow",
                        baseline == null ? "" : "median bare"));
                for (String type : new TreeSet<>(mix.countByType().keySet())) {
                    String processKey = mix.recorded().stream().filter(r -> r.caseType().equals(type)).map(RecordedCase::processKey)
                            .findFirst().orElse("");
                    out.add(String.format(Locale.ROOT, "%-30s %6d %6d %12.2f s %12s", type, mix.countByType().get(type),
                            mix.completedByType().getOrDefault(type, 0), mix.medianMillisByType().getOrDefault(type, 0L) / 1000.0,
                            baseline == null || !baseline.medianMillisByKey().containsKey(processKey) ? ""
                                    : String.format(Locale.ROOT, "%.2f s", baseline.medianMillisByKey().get(processKey) / 1000.0)));
                }
                unanalysedNote("KS Flow", mix.database().before()).ifPresent(out::add);
            }
            if (baseline != null) {
                out.add(String.format(Locale.ROOT, "bare engine: %d of %d instances ended in %.1f s: %.1f cases/s (incidents: %d)",
                        baseline.finished(), baseline.started(), baseline.seconds(), baseline.casesPerSecond(), baseline.incidents()));
                out.add(String.format(Locale.ROOT, "bare engine SQL statements per case: %.1f", (double) baseline.statements() / Math.max(1, baseline.finished())));
                out.add("bare engine " + baseline.cpu().perCase(baseline.finished(), null, "engine, starter and caseworker"));
                unanalysedNote("the bare engine", baseline.database().before()).ifPresent(out::add);
                if (mix != null && options.database().postgres()) {
                    out.add("PostgreSQL's CHECKPOINT after the measured cases (their pages written; not in the figures above; their dead rows"
                            + " are not vacuumed): KS Flow " + mix.database().summary(mix.completed()) + ", bare engine "
                            + baseline.database().summary(baseline.finished()));
                    if (!mix.database().before().quiet() || !baseline.database().before().quiet()) {
                        out.add("NOTE: PostgreSQL was still busy when a side's measured cases began (see above): its figures include other work");
                    }
                    if (mix.database().before().autovacuum() || baseline.database().before().autovacuum()) {
                        out.add("NOTE: PostgreSQL runs autovacuum: it may vacuum a side's emptied runtime tables, and so change its plans,"
                                + " at a moment that differs from run to run (Database.settle)");
                    }
                }
                if (mix != null && mix.machine() != null && baseline.machine() != null) {
                    out.add("machine around KS Flow's cases: " + mix.machine().summary() + "; around the bare engine's run: "
                            + baseline.machine().summary());
                    if (!mix.machine().comparableWith(baseline.machine())) {
                        out.add(String.format(Locale.ROOT, "NOTE: around the two sides' measured cases the machine's readings were more than "
                                + "%.0f %% apart, or the hypervisor took more than %.0f %% of its time: the throughput and CPU ratios below "
                                + "measure the machine as much as KS Flow", 100 * MachineProbe.SAME_SPEED, 100 * MachineProbe.STEAL_LIMIT));
                    }
                }
                out.add(String.format(Locale.ROOT, "RATIO KS Flow / bare engine throughput: %.2f", ratio()));
                if (mix != null && mix.cpu().total() > 0) {
                    out.add(String.format(Locale.ROOT, "ratio of CPU per case, bare engine / KS Flow (all processes): %.2f", cpuRatio()));
                    double bare = baseline.cpu().compiledPerCase(baseline.finished());
                    double ksFlow = mix.cpu().compiledPerCase(mix.completed());
                    out.add(String.format(Locale.ROOT, "the same without the engine JVM's JIT compiler threads: %.1f ms / %.1f ms = %.2f",
                            1000 * bare, 1000 * ksFlow, bare / ksFlow));
                    double ksFlowOwn = ksFlow - mix.httpCpu().getOrDefault(IntakeProfile.Kind.SANDBOX, 0.0) / Math.max(1, mix.completed());
                    out.add(String.format(Locale.ROOT, "and also without serving the sandbox's simulators (the systems they stand in for run elsewhere): "
                            + "%.1f ms / %.1f ms = %.2f", 1000 * bare, 1000 * ksFlowOwn, bare / ksFlowOwn));
                }
            }
            if (!load.isEmpty()) {
                out.add("intake load (open model):");
                load.forEach(step -> out.add("  " + step.summary()));
                out.add("highest rate with p99 < 100 ms and no errors, at it and every lower rate tried: " + (intakeCapacity() > 0 ? intakeCapacity() + "/s" : "none of those tried"));
            }
            if (baseline != null && !load.isEmpty()) {
                out.add(String.format(Locale.ROOT, "RATIO that rate / bare engine throughput: %.2f", intakeRatio()));
            }
            return out.toString();
        }
    }

    /** Issue 24's targets: KS Flow's throughput over the bare engine's, and the intake rate that passes over it. */
    static final double THROUGHPUT_TARGET = 0.95;
    static final double INTAKE_TARGET = 2;

    /**
     * One run's ratios, for the summary of repeated runs. A ratio the run did not measure is NaN: the throughput and CPU
     * ratios without a baseline (--baseline false, --count 0) or, for the CPU, where it cannot be read; the intake ratio
     * without a load step or a baseline. {@code intakeFloor}: the highest rate tried passed, so the intake ratio is a floor.
     * {@code notes}: the NOTE lines of the run's report (a machine, a database or a count that makes its ratios doubtful).
     */
    record Ratios(double throughput, double cpu, double intake, boolean intakeFloor, int notes) {

        static Ratios of(Report report) {
            // a side that ended no case gives no figure to divide by (its CPU "a case" would be its whole CPU)
            boolean bothSides = report.mix() != null && report.baseline() != null && report.mix().completed() > 0
                    && report.baseline().finished() > 0;
            boolean intakeTried = report.baseline() != null && !report.load().isEmpty();
            int highestTried = report.load().stream().mapToInt(IntakeLoad.Step::rate).max().orElse(0);
            return new Ratios(bothSides ? measured(report.ratio()) : Double.NaN,
                    bothSides && report.cpuRatio() > 0 ? measured(report.cpuRatio()) : Double.NaN,
                    intakeTried ? measured(report.intakeRatio()) : Double.NaN,
                    intakeTried && report.intakeCapacity() == highestTried,
                    (int) report.text().lines().filter(line -> line.trim().startsWith("NOTE")).count());
        }

        /** A ratio over a side that ended no case (0 cases/s) is no figure: NaN, not infinity. */
        private static double measured(double ratio) {
            return Double.isFinite(ratio) ? ratio : Double.NaN;
        }

        /** Written by a run that --repeat started, for the command that started it. */
        void write(Path file) throws IOException {
            Properties figures = new Properties();
            figures.setProperty("throughput", Double.toString(throughput));
            figures.setProperty("cpu", Double.toString(cpu));
            figures.setProperty("intake", Double.toString(intake));
            figures.setProperty("intakeFloor", Boolean.toString(intakeFloor));
            figures.setProperty("notes", Integer.toString(notes));
            try (Writer out = Files.newBufferedWriter(file)) {
                figures.store(out, "one benchmark run's ratios (NaN: not measured)");
            }
        }

        static Ratios read(Path file) throws IOException {
            Properties figures = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                figures.load(in);
            }
            if (!figures.stringPropertyNames().containsAll(List.of("throughput", "cpu", "intake", "intakeFloor", "notes"))) {
                throw new IOException("The run wrote no ratios, or not all of them, to " + file);
            }
            return new Ratios(Double.parseDouble(figures.getProperty("throughput")), Double.parseDouble(figures.getProperty("cpu")),
                    Double.parseDouble(figures.getProperty("intake")), Boolean.parseBoolean(figures.getProperty("intakeFloor")),
                    Integer.parseInt(figures.getProperty("notes")));
        }
    }

    /**
     * Runs of the same command one after the other (--repeat), each in a JVM of its own: the same code and the same cases,
     * so what differs between them is the run (the machine, the database's plans, the JIT). One run's ratio does not
     * travel (README "Ydeevne"); their median, lowest and highest do better.
     */
    record Repeated(List<Ratios> runs) {

        String text() {
            StringJoiner out = new StringJoiner("\n");
            out.add(String.format(Locale.ROOT, "over %d runs of the same command, one after the other:", runs.size()));
            line("throughput ratio", THROUGHPUT_TARGET, runs.stream().map(r -> new Value(r.throughput(), false)).toList()).ifPresent(out::add);
            line("ratio of CPU per case", 0, runs.stream().map(r -> new Value(r.cpu(), false)).toList()).ifPresent(out::add);
            line("intake ratio", INTAKE_TARGET, runs.stream().map(r -> new Value(r.intake(), r.intakeFloor())).toList()).ifPresent(out::add);
            long noted = runs.stream().filter(r -> r.notes() > 0).count();
            if (noted > 0) {
                out.add(String.format(Locale.ROOT, "  NOTE: %d of the %d runs' reports have a NOTE (above): their ratios are doubtful", noted, runs.size()));
            }
            return out.toString();
        }

        /** A run's figure; {@code floor}: at least this (the highest rate tried passed). */
        private record Value(double value, boolean floor) {

            String text() {
                return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%s%.2f", floor ? ">= " : "", value);
            }
        }

        /**
         * The figure's median, lowest and highest over the runs that measured it, each run's value in order ("-" where not
         * measured), and in how many the target was met (if it has one); nothing if no run measured it.
         */
        private static Optional<String> line(String figure, double target, List<Value> values) {
            double[] measured = values.stream().mapToDouble(Value::value).filter(value -> !Double.isNaN(value)).sorted().toArray();
            if (measured.length == 0) {
                return Optional.empty();
            }
            StringJoiner each = new StringJoiner(", ");
            values.forEach(value -> each.add(value.text()));
            long undecided = values.stream().filter(value -> value.floor() && value.value() < target).count();
            String met = target <= 0 ? "" : String.format(Locale.ROOT, "; target %.2f met in %d of %d%s", target,
                    java.util.Arrays.stream(measured).filter(value -> value >= target).count(), measured.length,
                    undecided == 0 ? "" : String.format(Locale.ROOT, ", not known in %d (a floor under it: no higher rate was tried)", undecided));
            String of = measured.length == values.size() ? "" : String.format(Locale.ROOT, " of the %d runs that measured it", measured.length);
            return Optional.of(String.format(Locale.ROOT, "  %s%s: median %.2f, lowest %.2f, highest %.2f (each run: %s)%s", figure, of,
                    median(measured), measured[0], measured[measured.length - 1], each, met));
        }

        /** The middle value of sorted values, or the mean of the two middle ones. */
        static double median(double[] sorted) {
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    private Benchmark() {
    }

    static Report run(Options options) throws Exception {
        MixRun.Result mix = null;
        List<IntakeLoad.Step> load = new ArrayList<>();
        String url = options.database().fresh(KS_FLOW_DATABASE);
        try (AppProcess app = AppProcess.start("ksflow", url, options.database(), options.jfr(), options.appArguments())) {
            if (options.count() > 0) {
                if (options.warmUp() > 0) {
                    MixRun.Result warmUp = new MixRun(app).run(new CaseMix(options.seed(), "WARM", 1, options.warmUp()),
                            options.clients(), options.timeout(), 0, () -> options.database().vacuumAndAnalyze(url));
                    if (warmUp.completed() < options.warmUp()) {
                        // its work would run on into the measured cases' figures
                        throw new IllegalStateException("The warm-up did not end: " + warmUp.completed() + " of " + options.warmUp());
                    }
                }
                clearSimulatorLogs(app);
                Database.Settled before = options.database().settle(url);
                mix = new MixRun(app).run(new CaseMix(options.seed(), "BENCH", 1, options.count()), options.clients(),
                        options.timeout(), options.recordPerType());
                mix = mix.settled(new Database.Settling(before, options.database().settle(url)));
            }
            int firstNumber = 1;
            for (int rate : options.rates()) {
                CaseMix cases = new CaseMix(options.seed() + rate, "LOAD", firstNumber, rate * options.seconds());
                firstNumber += rate * options.seconds();
                long waiting = awaitJobsDone(app);
                cases.sandboxData().forEach((path, body) -> app.client().put(path, body, "demo"));
                clearSimulatorLogs(app);
                Database.Settled settled = options.database().settle(url);
                load.add(new IntakeLoad(app).run(rate, options.seconds(), cases.cases(), waiting, settled));
            }
        }
        BareEngineBaseline.Result baseline = null;
        if (options.baseline() && mix != null) {
            options.database().drop(KS_FLOW_DATABASE); // nothing of it (autovacuum, where it is on) runs into the bare engine's cases
            baseline = new BareEngineBaseline(options.database(), Path.of("")).run(mix.recorded(), options.warmUp(), options.clients(),
                    options.timeout());
        }
        return new Report(options, mix, baseline, load);
    }

    /**
     * Empties the simulators' request logs, which keep every call with its body and answer for as long as the
     * sandbox runs (the sandbox's contract), so that the warm-up's and an earlier step's calls are not carried into
     * what is measured next. Best effort: a log that is not emptied is logged, and the run goes on.
     */
    static void clearSimulatorLogs(AppProcess app) {
        for (String system : SandboxSystems.NAMES) {
            try {
                HttpResponse<String> cleared = app.client().send("DELETE", "/sandbox/" + system + "/requests", null, "demo");
                if (cleared.statusCode() / 100 != 2) {
                    log.warn("Could not empty {}'s request log: {}", system, cleared.statusCode());
                }
            } catch (RuntimeException notAnswered) {
                log.warn("Could not empty {}'s request log: {}", system, notAnswered.getMessage());
            }
        }
    }

    /**
     * Before a load step: until the previous step's cases have done their asynchronous work, at most two minutes.
     * Answers the jobs still waiting then (0 when all were done), or -1 if the application did not say.
     */
    static long awaitJobsDone(AppProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long waiting = app.jobsWaiting();
        while (waiting != 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            waiting = app.jobsWaiting();
        }
        return waiting;
    }
}
