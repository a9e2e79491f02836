package dk.kk.ks.flow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.support.load.CaseMix;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark machinery end to end at a tiny scale: KS Flow in a child JVM with 30 cases of the mix, the
 * same cases on the bare engine, and five seconds of intake load. On H2, or on PostgreSQL in
 * {@code mvn test -Ppostgres}. Asserts what the run did, never how fast.
 */
@Tag("integration")
class BenchmarkTest {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void everyCaseOfTheMixEndsOnKsFlowAndEveryReplayEndsOnTheBareEngine() throws Exception {
        // On PostgreSQL a short wait for quiet: the other test JVM keeps the server busy
        Database database = "postgres".equals(System.getProperty("spring.profiles.active")) ? new Database(true, 3) : Database.of("h2");

        Benchmark.Report report = Benchmark.run(new Benchmark.Options(30, 10, 42, 4, database, true, 3, List.of(5), 5, null,
                RUN_TIMEOUT, List.of()));
        LoggerFactory.getLogger(BenchmarkTest.class).info("Tiny benchmark:\n{}", report.text());

        MixRun.Result mix = report.mix();
        assertThat(mix.intakeErrors()).isZero();
        assertThat(mix.refusals()).isEmpty();
        assertThat(mix.completed()).isEqualTo(30); // not the warm-up's cases
        assertThat(mix.completedByType()).isEqualTo(mix.countByType());
        assertThat(mix.countByType().keySet()).containsExactlyInAnyOrderElementsOf(CaseMix.YEARLY_VOLUMES.keySet());
        assertThat(mix.statements()).isPositive();
        assertThat(mix.recorded()).hasSize(30);
        // Measured on one clock: the cases' end times are on the application's (test) clock, and so is the start.
        assertThat(mix.seconds()).isPositive().isLessThan(RUN_TIMEOUT.toSeconds());

        BareEngineBaseline.Result baseline = report.baseline();
        assertThat(baseline.incidents()).isZero();
        assertThat(baseline.finishedByKey()).isEqualTo(baseline.startedByKey()).hasSize(7);
        assertThat(baseline.finished()).isEqualTo(30); // the warm-up's instances ended too, and are not counted
        assertThat(baseline.seconds()).isPositive().isLessThan(RUN_TIMEOUT.toSeconds());
        assertThat(report.ratio()).isPositive();

        // CPU per case from /proc (Linux): the application's JVM did the cases' work, its job threads among it; on
        // PostgreSQL the server's processes are counted too; the bare engine's job threads are counted as KS Flow's are.
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(mix.cpu().application()).isPositive();
            assertThat(mix.cpu().engineThreads().get("job executor")).isPositive().isLessThan(mix.cpu().application());
            assertThat(mix.cpu().engineThreads().get("HTTP")).isPositive();
            assertThat(baseline.cpu().self()).isPositive();
            assertThat(baseline.cpu().engineThreads().get("job executor")).isPositive().isLessThan(baseline.cpu().self());
            assertThat(mix.cpu().compiledPerCase(30)).isPositive().isLessThan(mix.cpu().totalPerCase(30));
            // The HTTP threads' CPU by request: the intake's, the connectors' calls to the simulators, the caseworker's
            // REST calls; all within the application's JVM's CPU
            assertThat(mix.httpCpu().get(IntakeProfile.Kind.INTAKE)).isPositive();
            assertThat(mix.httpCpu().get(IntakeProfile.Kind.SANDBOX)).isPositive();
            assertThat(mix.httpCpu().get(IntakeProfile.Kind.ENGINE_REST)).isPositive();
            assertThat(mix.httpCpu().values().stream().mapToDouble(Double::doubleValue).sum()).isLessThan(mix.cpu().application());
            if (database.postgres()) {
                assertThat(mix.cpu().postgres()).isPositive();
                assertThat(baseline.cpu().postgres()).isPositive();
                // each side's database settled (checkpointed, a wait for quiet) before its measured cases and after them
                assertThat(mix.database().before().seconds()).isPositive();
                assertThat(mix.database().after().seconds()).isPositive();
                assertThat(baseline.database().before().seconds()).isPositive();
                assertThat(baseline.database().after().seconds()).isPositive();
                // each side's warm-up analysed its database (Database.vacuumAndAnalyze): no table was left to the planner's guesses
                assertThat(mix.database().before().unanalysed()).isZero();
                assertThat(baseline.database().before().unanalysed()).isZero();
            }
        }

        assertThat(report.load()).singleElement().satisfies(step -> {
            assertThat(step.sent()).isEqualTo(25);
            assertThat(step.errors()).isZero();
            assertThat(step.latencies().count()).isEqualTo(25);
            // The server measured exactly the load's requests, each of which started a case in the database.
            assertThat(step.cost().requests()).isEqualTo(25);
            assertThat(step.cost().statements()).isGreaterThan(5);
            assertThat(step.cost().cpuMillis()).isPositive().isLessThanOrEqualTo(step.cost().millis());
            assertThat(step.cost().allocatedKiB()).isPositive();
            assertThat(step.unanalysed()).isZero(); // the warm-up analysed the database (on H2: nothing to analyse)
        });
        assertThat(report.text()).contains(CaseMix.YEARLY_VOLUMES.keySet())
                .contains("RATIO KS Flow / bare engine throughput", "RATIO that rate / bare engine throughput", "per intake request", "p99",
                        "CPU per case", "ratio of CPU per case",
                        "without the engine JVM's JIT compiler threads", "a warm-up of 10 cases",
                        "serving (from the first filter on): intake", "without serving the sandbox's simulators",
                        "machine around KS Flow's cases: one core", "around the bare engine's run: one core");
        if (database.postgres()) {
            assertThat(report.text()).contains("PostgreSQL's CHECKPOINT after the measured cases");
        }
    }
}
