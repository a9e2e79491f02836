package dk.kk.ks.flow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's ratios and its note on the machine from figures made up for the test, so that a wrong sign, factor or
 * choice of figure in a ratio fails here (BenchmarkTest's tiny run only checks that the report has its lines); and the
 * machine probe's reading of /proc/stat.
 */
class BenchmarkReportTest {

    /**
     * 95 of 100 KS Flow cases ended in 10 s: 6.0 s of application CPU (1.0 s of it the JIT compiler, 0.5 s serving the
     * simulators), 0.5 s load generator, 3.0 s PostgreSQL.
     */
    private static MixRun.Result ksFlow(MachineProbe.Speed machine) {
        return ksFlow(machine, new Database.Settled(3, 0.5, true, false, 0));
    }

    /** The same, {@code before}: its database's settling before its measured cases. */
    private static MixRun.Result ksFlow(MachineProbe.Speed machine, Database.Settled before) {
        return new MixRun.Result(100, 0, Map.of("timesheets", 100), Map.of("timesheets", 95),
                Map.of("timesheets", 1_000L), 10.0, new Latencies(), 20_000, new ResourceSampler.Usage(0.5, 0.9, 300, 400, 2),
                new CpuMeter.Reading(6.0, 0.5, 3.0, Map.of(CpuMeter.JIT, 1.0, "job executor", 2.0)),
                Map.of(IntakeProfile.Kind.SANDBOX, 0.5, IntakeProfile.Kind.INTAKE, 0.3), List.of(), List.of(), machine,
                new Database.Settling(before, new Database.Settled(4, 0.8, true, false, 0)));
    }

    /** 90 of 100 bare-engine instances ended in 5 s: 4.0 s of CPU in its JVM (0.4 s of it the JIT compiler), 2.0 s PostgreSQL. */
    private static BareEngineBaseline.Result bare(MachineProbe.Speed machine) {
        return bare(machine, new Database.Settled(2, 0.3, true, false, 0));
    }

    /** The same, {@code before}: its database's settling before its measured instances. */
    private static BareEngineBaseline.Result bare(MachineProbe.Speed machine, Database.Settled before) {
        return new BareEngineBaseline.Result(100, Map.of("timesheet", 100), Map.of("timesheet", 90), Map.of("timesheet", 900L),
                5.0, 0, 19_000, new CpuMeter.Reading(0, 4.0, 2.0, Map.of(CpuMeter.JIT, 0.4, "job executor", 1.5)), machine,
                new Database.Settling(before, new Database.Settled(3, 0.45, true, false, 0)));
    }

    @Test
    void theThroughputAndCpuRatiosAreTheBareEnginesCostOverKsFlowsPerEndedCase() {
        Benchmark.Report report = report(List.of());

        assertThat(report.ratio()).isCloseTo(9.5 / 18, within(1e-9)); // 95 in 10 s against 90 in 5 s
        // CPU per ended case: KS Flow 100 ms, bare 66.7 ms; without the compilers 89.5 and 62.2 ms; KS Flow also
        // without the simulators 84.2 ms
        assertThat(report.text())
                .contains("RATIO KS Flow / bare engine throughput: 0.53")
                .contains("ratio of CPU per case, bare engine / KS Flow (all processes): 0.67")
                .contains("without the engine JVM's JIT compiler threads: 62.2 ms / 89.5 ms = 0.70")
                .contains("without serving the sandbox's simulators (the systems they stand in for run elsewhere): 62.2 ms / 84.2 ms = 0.74");
    }

    @Test
    void theIntakeCapacityIsTheHighestRateUnder100MsWithEveryLowerRateUnderItToo() {
        Benchmark.Report report = report(List.of(step(125, 90, 0), step(50, 40, 0), step(100, 120, 0), step(75, 60, 0)));

        assertThat(report.intakeCapacity()).isEqualTo(75); // 125/s passed, but after 100/s failed: a lucky pass
        assertThat(report.intakeRatio()).isCloseTo(75 / 18.0, within(1e-9)); // against the bare engine's 18 cases/s
        assertThat(report.text()).contains("highest rate with p99 < 100 ms and no errors, at it and every lower rate tried: 75/s")
                .contains("RATIO that rate / bare engine throughput: 4.17");
    }

    @Test
    void aRateWithErrorsIsNotPassedHoweverFastItsAnswers() {
        Benchmark.Report report = report(List.of(step(50, 20, 1), step(75, 30, 0)));

        assertThat(report.intakeCapacity()).isZero();
        assertThat(report.intakeRatio()).isZero();
        assertThat(report.text()).contains("none of those tried");
    }

    @Test
    void theReportSaysWhenTheTwoSidesRanOnTheMachineAtDifferentSpeeds() {
        MachineProbe.Speed steady = new MachineProbe.Speed(500, 480, 0.002);

        assertThat(report(List.of(), steady, new MachineProbe.Speed(470, 510, 0.001)).text())
                .contains("machine around KS Flow's cases: one core 500 / 480 MB/s of SHA-256 before / after, steal 0.2 %; "
                        + "around the bare engine's run: one core 470 / 510 MB/s of SHA-256 before / after, steal 0.1 %")
                .doesNotContain("NOTE");
        // 400 against 510: more than 10 % apart
        assertThat(report(List.of(), new MachineProbe.Speed(400, 480, 0.0), new MachineProbe.Speed(470, 510, 0.0)).text())
                .contains("NOTE: around the two sides' measured cases the machine's readings were more than 10 % apart, "
                        + "or the hypervisor took more than 5 % of its time");
        // the same speed, but the hypervisor took 8 % of the machine's time from one side, either side
        assertThat(report(List.of(), new MachineProbe.Speed(500, 490, 0.08), steady).text()).contains("NOTE:");
        assertThat(report(List.of(), steady, new MachineProbe.Speed(500, 490, 0.08)).text()).contains("NOTE:");
        assertThat(report(List.of()).text()).doesNotContain("machine around").doesNotContain("NOTE");
    }

    @Test
    void theReportGivesWhatEachSidesCasesLeftForPostgresqlAndSaysWhenItWasNotQuietOrRanAutovacuum() {
        // after the cases: 0.8 s of PostgreSQL's CPU for KS Flow's 95 ended cases, 0.45 s for the bare engine's 90
        assertThat(report(List.of()).text())
                .contains("PostgreSQL's CHECKPOINT after the measured cases (their pages written; not in the figures above; their dead rows"
                        + " are not vacuumed): KS Flow 8.4 ms a case, bare engine 5.0 ms a case")
                .doesNotContain("NOTE");
        Benchmark.Options options = new Benchmark.Options(100, 0, 42, 4, new Database(true, 0), true, 1, List.of(), 60, null,
                Duration.ofMinutes(1), List.of());
        assertThat(new Benchmark.Report(options, ksFlow(null), bare(null, new Database.Settled(2, 0.3, false, false, 0)), List.of()).text())
                .contains("bare engine 5.0 ms a case (PostgreSQL was not quiet when the measured cases began)")
                .contains("NOTE: PostgreSQL was still busy when a side's measured cases began")
                .doesNotContain("autovacuum");
        assertThat(new Benchmark.Report(options, ksFlow(null), bare(null, new Database.Settled(2, 0.3, true, true, 0)), List.of()).text())
                .contains("NOTE: PostgreSQL runs autovacuum").doesNotContain("still busy");
        assertThat(new Benchmark.Report(options, ksFlow(null, new Database.Settled(3, 0.5, true, true, 0)), bare(null), List.of()).text())
                .contains("NOTE: PostgreSQL runs autovacuum");
        assertThat(new Benchmark.Report(options, ksFlow(null, new Database.Settled(3, 0.5, true, false, 4)), bare(null), List.of()).text())
                .contains("NOTE: when KS Flow's measured cases began the planner had no statistics of 4 of its database's tables")
                .doesNotContain("autovacuum", "when the bare engine's");
        assertThat(new Benchmark.Report(options, ksFlow(null), bare(null, new Database.Settled(2, 0.3, true, false, 1)), List.of()).text())
                .contains("NOTE: when the bare engine's measured cases began the planner had no statistics of 1 of its database's tables")
                .doesNotContain("when KS Flow's");
        // also in a run without the bare engine, and for a load step (with --count 0 or --warm-up 0 nothing analyses the database)
        assertThat(new Benchmark.Report(options, ksFlow(null, new Database.Settled(3, 0.5, true, false, 2)), null,
                List.of(step(50, 40, 0, 53), step(100, 40, 0))).text())
                .contains("when KS Flow's measured cases began the planner had no statistics of 2 of its database's tables")
                .containsOnlyOnce("NOTE: the planner had no statistics of 53 of the database's tables when the step began");
    }

    @Test
    void repeatedRunsGiveEachRatiosMedianLowestAndHighestAndHowOftenTheTargetWasMet() {
        Benchmark.Repeated three = new Benchmark.Repeated(List.of(new Benchmark.Ratios(0.62, 0.60, 1.64, false, 0),
                new Benchmark.Ratios(0.55, 0.50, 0, false, 0), new Benchmark.Ratios(0.95, 0.80, 2.41, false, 0)));

        assertThat(three.text())
                .contains("over 3 runs of the same command, one after the other:")
                // 0.95 is the target itself: met
                .contains("throughput ratio: median 0.62, lowest 0.55, highest 0.95 (each run: 0.62, 0.55, 0.95); target 0.95 met in 1 of 3")
                .contains("ratio of CPU per case: median 0.60, lowest 0.50, highest 0.80 (each run: 0.60, 0.50, 0.80)\n")
                .contains("intake ratio: median 1.64, lowest 0.00, highest 2.41 (each run: 1.64, 0.00, 2.41); target 2.00 met in 1 of 3")
                .doesNotContain("NOTE");
        // an even number of runs: the mean of the two middle ones; a run that did not measure a ratio is left out of it
        Benchmark.Repeated four = new Benchmark.Repeated(List.of(new Benchmark.Ratios(0.5, Double.NaN, Double.NaN, false, 0),
                new Benchmark.Ratios(0.7, 0.5, 2.5, true, 0), new Benchmark.Ratios(0.6, 0.5, 1.5, false, 2),
                new Benchmark.Ratios(0.9, 0.5, Double.NaN, false, 0)));
        assertThat(four.text()).contains("throughput ratio: median 0.65, lowest 0.50, highest 0.90")
                .doesNotContain("not known")
                .contains("ratio of CPU per case of the 3 runs that measured it: median 0.50")
                .contains("intake ratio of the 2 runs that measured it: median 2.00, lowest 1.50, highest 2.50 (each run: -, >= 2.50, 1.50, -);"
                        + " target 2.00 met in 1 of 2")
                .contains("NOTE: 1 of the 4 runs' reports have a NOTE (above): their ratios are doubtful");
        // a floor under the target (the highest rate tried passed): whether the target was met is not known
        assertThat(new Benchmark.Repeated(List.of(new Benchmark.Ratios(0.5, 0.5, 1.8, true, 0), new Benchmark.Ratios(0.5, 0.5, 2.2, false, 0)))
                .text()).contains("intake ratio: median 2.00, lowest 1.80, highest 2.20 (each run: >= 1.80, 2.20); target 2.00 met in 1 of 2,"
                        + " not known in 1 (a floor under it: no higher rate was tried)");
        // runs without a baseline (--baseline false, --count 0) measured no ratio: no line says they missed a target
        assertThat(new Benchmark.Repeated(List.of(new Benchmark.Ratios(Double.NaN, Double.NaN, Double.NaN, false, 0),
                new Benchmark.Ratios(Double.NaN, Double.NaN, Double.NaN, false, 0))).text())
                .doesNotContain("throughput ratio", "CPU", "intake ratio", "target");
    }

    @Test
    void aRunsRatiosAreThoseItsReportGivesAndNoneItDidNotMeasure() {
        Benchmark.Report withLoad = report(List.of(step(50, 40, 0), step(75, 60, 0), step(100, 120, 0)));

        Benchmark.Ratios ratios = Benchmark.Ratios.of(withLoad);
        assertThat(ratios.throughput()).isCloseTo(9.5 / 18, within(1e-9));
        assertThat(ratios.cpu()).isCloseTo(withLoad.cpuRatio(), within(1e-9)).isCloseTo((6.0 / 90) / (9.5 / 95), within(1e-9));
        assertThat(ratios.intake()).isCloseTo(75 / 18.0, within(1e-9));
        assertThat(ratios.intakeFloor()).as("100/s failed: 75/s is the capacity, not a floor").isFalse();
        assertThat(ratios.notes()).isZero();
        // the highest rate tried passed: the ratio is a floor
        assertThat(Benchmark.Ratios.of(report(List.of(step(50, 40, 0), step(75, 60, 0)))).intakeFloor()).isTrue();
        assertThat(Benchmark.Ratios.of(report(List.of())).intake()).isNaN();
        // a run without the bare engine (--baseline false) measured neither ratio, nor the intake's
        Benchmark.Options options = new Benchmark.Options(100, 0, 42, 4, new Database(true, 0), false, 1, List.of(), 60, null,
                Duration.ofMinutes(1), List.of());
        Benchmark.Ratios alone = Benchmark.Ratios.of(new Benchmark.Report(options, ksFlow(null), null, List.of(step(50, 40, 0))));
        assertThat(alone.throughput()).isNaN();
        assertThat(alone.cpu()).isNaN();
        assertThat(alone.intake()).isNaN();
        // a report with a NOTE (the machine's readings far apart; a load step's, indented) is counted
        assertThat(Benchmark.Ratios.of(report(List.of(), new MachineProbe.Speed(400, 480, 0.0), new MachineProbe.Speed(470, 510, 0.0)))
                .notes()).isEqualTo(1);
        assertThat(Benchmark.Ratios.of(report(List.of(step(50, 40, 0, 53)))).notes()).isEqualTo(1);
        // a bare engine that ended no case: no ratio, not an infinite one that would meet any target
        BareEngineBaseline.Result none = new BareEngineBaseline.Result(100, Map.of("timesheet", 100), Map.of("timesheet", 0), Map.of(),
                5.0, 0, 19_000, new CpuMeter.Reading(0, 4.0, 2.0, Map.of(CpuMeter.JIT, 0.4, "job executor", 1.5)), null,
                new Database.Settling(new Database.Settled(2, 0.3, true, false, 0), new Database.Settled(3, 0.45, true, false, 0)));
        Benchmark.Ratios nothingEnded = Benchmark.Ratios.of(new Benchmark.Report(options, ksFlow(null), none, List.of(step(50, 40, 0))));
        assertThat(nothingEnded.throughput()).isNaN();
        assertThat(nothingEnded.cpu()).isNaN();
        assertThat(nothingEnded.intake()).isNaN();
    }

    @Test
    void aRunStartedByRepeatHandsItsRatiosBackThroughAFile(@TempDir Path dir) throws Exception {
        Benchmark.Ratios ratios = new Benchmark.Ratios(0.62, Double.NaN, 1.64, true, 2);
        Path file = dir.resolve("ratios.properties");

        ratios.write(file);

        assertThat(Benchmark.Ratios.read(file)).isEqualTo(ratios);
        // a run that ended before writing them: the command says so instead of counting made-up figures
        Path empty = Files.createFile(dir.resolve("empty.properties"));
        assertThatThrownBy(() -> Benchmark.Ratios.read(empty)).isInstanceOf(java.io.IOException.class).hasMessageContaining("no ratios");
        Path partial = Files.writeString(dir.resolve("partial.properties"), "notes=0\ncpu=0.5\n");
        assertThatThrownBy(() -> Benchmark.Ratios.read(partial)).isInstanceOf(java.io.IOException.class).hasMessageContaining("not all");
    }

    @Test
    void aRepeatedRunIsTheSameCommandOnceInAJvmOfItsOwnWithTheTestClocksMoment() {
        Path file = Path.of("target", "benchmark", "ratios-1.properties");
        List<String> command = BenchmarkCommand.childCommand(new String[] {"--count", "1000", "--repeat", "3", "--app-args", "--a=1;--b=2"},
                Map.of("ksflow.test.now", "2026-12-31T23:30", "java.version", "17", BenchmarkCommand.RATIOS_FILE, "/elsewhere"),
                "classes:lib.jar", file);

        assertThat(command.get(0)).endsWith("java");
        assertThat(command).contains("-Dksflow.test.now=2026-12-31T23:30", "-D" + BenchmarkCommand.RATIOS_FILE + "=" + file.toAbsolutePath())
                .doesNotContain("-Djava.version=17", "-D" + BenchmarkCommand.RATIOS_FILE + "=/elsewhere")
                .containsSubsequence("-cp", "classes:lib.jar", BenchmarkCommand.class.getName(), "--count", "1000", "--repeat", "1",
                        "--app-args", "--a=1;--b=2");
        assertThat(command).doesNotContain("3");
    }

    @Test
    void theStealIsReadFromProcStatsCpuLine() {
        // user nice system idle iowait irq softirq steal guest guest_nice: guest time is already counted in user
        assertThat(MachineProbe.ticks("cpu  4705 356 584 3699176 23060 0 277 85 30 0")).containsExactly(4705 + 356 + 584 + 3699176 + 23060 + 277 + 85, 85);
        assertThat(MachineProbe.ticks("cpu  100 0 50 850 0 0 0")).containsExactly(1000, 0); // a kernel that counts no steal
    }

    @Test
    void aProbeOfThisMachineReadsASpeedAndAStealShareBetweenNoneAndAll() {
        MachineProbe.Speed speed = MachineProbe.start().end();

        assertThat(speed.before()).isPositive();
        assertThat(speed.after()).isPositive();
        assertThat(speed.steal()).isBetween(0.0, 1.0);
    }

    private static Benchmark.Report report(List<IntakeLoad.Step> load) {
        return report(load, null, null);
    }

    private static Benchmark.Report report(List<IntakeLoad.Step> load, MachineProbe.Speed ksFlowMachine, MachineProbe.Speed bareMachine) {
        Benchmark.Options options = new Benchmark.Options(100, 0, 42, 4, new Database(true, 0), true, 1, List.of(), 60, null,
                Duration.ofMinutes(1), List.of());
        return new Benchmark.Report(options, ksFlow(ksFlowMachine), bare(bareMachine), load);
    }

    /** A step whose every answer took the given time. */
    private static IntakeLoad.Step step(int rate, double millis, int errors) {
        return step(rate, millis, errors, 0);
    }

    /** The same, begun with {@code unanalysed} tables the planner had no statistics of. */
    private static IntakeLoad.Step step(int rate, double millis, int errors, int unanalysed) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 100; i++) {
            latencies.add(millis);
        }
        return new IntakeLoad.Step(rate, 60, rate * 60, errors, latencies, rate,
                new IntakeProfile.PerRequest(rate * 60L, 10, 2, 500, 30), 0, 0, unanalysed);
    }
}
