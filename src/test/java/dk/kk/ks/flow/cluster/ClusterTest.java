package dk.kk.ks.flow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import dk.kk.ks.flow.sandbox.SandboxSystems;
import dk.kk.ks.flow.support.load.CaseMix;
import dk.kk.ks.flow.support.load.KsFlowClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out and crash (issue 10): two KS Flow nodes, each its own JVM and port, on one PostgreSQL database,
 * with the job executor settings of production (application-production.yml) except a short lock time.
 * This test's own application context serves the one sandbox both nodes call (its job executor is off),
 * so the simulators' request logs count every external write of both nodes and survive a node's death.
 * {@code mvn test -Pcluster}; figures in the output and the nodes' logs in target/cluster/.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=false")
class ClusterTest {

    private static final Logger log = LoggerFactory.getLogger(ClusterTest.class);

    /** Cases of the cluster run and of the crash run; -Dksflow.cluster.cases=... and -Dksflow.cluster.crash-cases=... change them. */
    private static final int CLUSTER_CASES = Integer.getInteger("ksflow.cluster.cases", 600);
    private static final int CRASH_CASES = Integer.getInteger("ksflow.cluster.crash-cases", 200);
    /** A dead node's jobs are taken over once their lock expires: short here, 2 minutes in production. */
    private static final Duration LOCK_TIME = Duration.ofSeconds(15);
    /** A run fails when no case has ended for this long; a slow machine only takes longer. */
    private static final Duration STALL = Duration.ofMinutes(3);
    /** Exit status of a process ended by SIGKILL (128 + 9). */
    private static final int SIGKILL_EXIT = 137;

    @LocalServerPort
    int sandboxPort;

    private final ClusterDatabase database = new ClusterDatabase();
    private KsFlowClient sandbox;
    private ClusterNode nodeA;
    private ClusterNode nodeB;

    @BeforeAll
    void startTwoNodesOnOneDatabase() {
        database.recreate();
        sandbox = new KsFlowClient("http://localhost:" + sandboxPort);
        Map<String, String> environment = Map.of("KSFLOW_DB_URL", database.url(), "KSFLOW_DB_USER", database.user());
        nodeA = new ClusterNode("node-a", environment, nodeProperties());
        nodeB = new ClusterNode("node-b", environment, nodeProperties());
        // One after the other: the first creates the schema, the second finds it (as in a rolling deployment).
        nodeA.start();
        nodeB.start();
    }

    @AfterAll
    void stopNodes() {
        for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    @Order(1)
    void twoNodesCompleteEveryCaseAndEveryExternalWriteHappensOnce() throws Exception {
        ClusterRun run = new ClusterRun(List.of(nodeA, nodeB), "CLU", CLUSTER_CASES, 10);
        prepare(run);

        run.startCases();
        run.workUntilAllCompleted(STALL);

        report("cluster", run);
        assertEveryCaseCompletedOnce(run);
        assertEveryExternalWriteAppliedOnce(run);
        Map<String, Long> jobsPerNode = database.jobsExecutedPerNode(run.refPrefix());
        long jobs = jobsPerNode.values().stream().mapToLong(Long::longValue).sum();
        assertThat(jobsPerNode).as("jobs executed per node").containsOnlyKeys("node-a", "node-b");
        assertThat(jobsPerNode.values()).as("each node's share of " + jobs + " jobs").allSatisfy(count -> assertThat(count).isGreaterThan(jobs / 5));
        nodeA.assertAlive();
        nodeB.assertAlive();
    }

    @Test
    @Order(2)
    void aNodeKilledInTheMiddleLeavesNoCaseUnfinishedAndNothingDoneTwice() throws Exception {
        ClusterRun run = new ClusterRun(List.of(nodeA, nodeB), "CRS", CRASH_CASES, 20);
        prepare(run);

        run.startCases();
        run.awaitStarted(CRASH_CASES / 2);
        int exit = nodeB.kill();
        List<String> lockedAtKill = database.lockedJobs();
        log.info("Killed node-b after {} of {} cases started: exit {}, {} jobs locked", run.casesStarted(), CRASH_CASES, exit, lockedAtKill.size());
        assertThat(exit).as("node-b's exit status (SIGKILL)").isEqualTo(SIGKILL_EXIT);
        // Back after 5 s, while its jobs are still locked; node-a works on meanwhile.
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            ClusterNode.sleep(Duration.ofSeconds(5));
            nodeB.start();
        });

        run.workUntilAllCompleted(STALL);
        restart.join();

        report("crash", run);
        assertEveryCaseCompletedOnce(run);
        assertEveryExternalWriteAppliedOnce(run);
        assertThat(lockedAtKill).as("jobs in flight when node-b died").isNotEmpty();
        assertThat(database.succeeded(lockedAtKill)).as("jobs locked at the kill that later succeeded").isEqualTo(lockedAtKill.size());
        nodeA.assertAlive();
        nodeB.assertAlive();
    }

    /** Each node runs production's job executor settings, with this test's lock time and idle wait, and calls the shared sandbox. */
    private Map<String, String> nodeProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        productionJobExecution().forEach(properties::put);
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()));
        // Idle nodes look for jobs at least every 5 s, so jobs freed by an expired lock are found soon.
        properties.put("camunda.bpm.job-execution.max-wait", "5000");
        for (String system : SandboxSystems.NAMES) {
            properties.put("ksflow.systems." + system + ".base-url", sandbox.baseUrl() + "/sandbox/" + system);
        }
        return properties;
    }

    private static Map<String, String> productionJobExecution() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-production.yml"));
        Properties production = yaml.getObject();
        if (production == null) {
            throw new UncheckedIOException(new IOException("application-production.yml not found"));
        }
        Map<String, String> jobExecution = new TreeMap<>();
        production.forEach((name, value) -> {
            if (name.toString().startsWith("camunda.bpm.job-execution.")) {
                jobExecution.put(name.toString(), value.toString());
            }
        });
        assertThat(jobExecution).containsKeys("camunda.bpm.job-execution.lock-time-in-millis", "camunda.bpm.job-execution.core-pool-size");
        return jobExecution;
    }

    private void prepare(ClusterRun run) {
        SideEffects.clear(sandbox);
        run.loadSandboxData(sandbox);
    }

    private void assertEveryCaseCompletedOnce(ClusterRun run) {
        int planned = run.plannedCases().size();
        assertThat(run.caseTypeById()).as("distinct cases started").hasSize(planned);
        assertThat(database.casesStartedTwice(run.refPrefix())).as("ServiceNow numbers with more than one case").isZero();
        assertThat(run.completed(run.liveClient())).as("cases completed").isEqualTo(planned);
        assertThat(run.refusals()).as("tasks the caseworker was refused").isEmpty();
        assertThat(database.jobsSucceededTwice(run.refPrefix())).as("jobs that succeeded twice").isZero();
    }

    private void assertEveryExternalWriteAppliedOnce(ClusterRun run) {
        SideEffects effects = SideEffects.read(sandbox);
        assertThat(effects.withoutKey()).as("writes without an Idempotency-Key").isEmpty();
        assertThat(effects.appliedMoreThanOnce()).as("external writes applied more than once").isEmpty();
        Map<String, Long> writeBacks = effects.serviceNowWriteBacks();
        assertThat(writeBacks).as("ServiceNow write-backs per record")
                .containsOnlyKeys(run.plannedCases().stream().map(CaseMix.PlannedCase::serviceNowRef).toList())
                .allSatisfy((ref, count) -> assertThat(count).as(ref).isEqualTo(1L));
    }

    private void report(String name, ClusterRun run) {
        double seconds = run.elapsed().toMillis() / 1000.0;
        Map<String, Long> types = run.caseTypeById().values().stream()
                .collect(Collectors.groupingBy(type -> type, TreeMap::new, Collectors.counting()));
        SideEffects effects = SideEffects.read(sandbox);
        log.info("""
                
                ==== {} run: {} cases in {} s = {} cases/s
                  case types: {}
                  intake per node: {}
                  jobs executed per node: {}
                  external writes: {}""",
                name, run.plannedCases().size(), String.format("%.1f", seconds), String.format("%.1f", run.plannedCases().size() / seconds),
                types, run.intakePerNode(), database.jobsExecutedPerNode(run.refPrefix()), effects.summary());
    }
}
