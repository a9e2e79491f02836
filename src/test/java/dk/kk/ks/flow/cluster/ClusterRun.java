package dk.kk.ks.flow.cluster;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.ks.flow.support.load.CaseMix;
import dk.kk.ks.flow.support.load.Caseworker;
import dk.kk.ks.flow.support.load.KsFlowClient;

/**
 * One load run against the cluster: the cases are started through the nodes' intake APIs in turn (a case
 * whose node does not answer goes to the other, as a load balancer would send it; the intake is idempotent,
 * so a case the dead node had already started is found, not started again), and a caseworker on each live
 * node works the user tasks until every case has ended.
 */
final class ClusterRun {

    private static final int INTAKE_THREADS = 4;

    private final List<ClusterNode> nodes;
    private final CaseMix mix;
    private final String refPrefix;
    private final Map<String, String> caseTypeById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> intakePerNode = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final Map<ClusterNode, Caseworker> caseworkers = new LinkedHashMap<>();
    private Instant begin;
    private List<Future<?>> submissions;

    ClusterRun(List<ClusterNode> nodes, String refPrefix, int cases, long seed) {
        this.nodes = nodes;
        this.refPrefix = refPrefix;
        this.mix = new CaseMix(seed, refPrefix, 0, cases);
    }

    String refPrefix() {
        return refPrefix;
    }

    List<CaseMix.PlannedCase> plannedCases() {
        return mix.cases();
    }

    /** The employees and cards the cases need, into the shared sandbox. */
    void loadSandboxData(KsFlowClient sandbox) {
        mix.sandboxData().forEach((path, body) -> sandbox.put(path, body, "demo"));
    }

    /** Starts every case in the background, alternating between the nodes. */
    void startCases() {
        begin = Instant.now();
        ExecutorService intake = Executors.newFixedThreadPool(INTAKE_THREADS);
        List<CaseMix.PlannedCase> cases = mix.cases();
        submissions = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseMix.PlannedCase planned = cases.get(i);
            int preferred = i % nodes.size();
            submissions.add(intake.submit(() -> start(planned, preferred)));
        }
        intake.shutdown();
    }

    int casesStarted() {
        return started.get();
    }

    /** Waits until at least {@code count} cases have been started (or the intake has ended). */
    void awaitStarted(int count) throws Exception {
        while (started.get() < count && !intakeDone()) {
            ClusterNode.sleep(Duration.ofMillis(100));
        }
    }

    /** Whether every case has been started; throws the first intake failure. */
    private boolean intakeDone() throws Exception {
        if (!submissions.stream().allMatch(Future::isDone)) {
            return false;
        }
        for (Future<?> submission : submissions) {
            submission.get();
        }
        return true;
    }

    /**
     * Works the tasks on every live node until every case has ended. Fails on an incident, or when no case
     * has ended for {@code stall} (a hang; a slow machine only takes longer).
     */
    void workUntilAllCompleted(Duration stall) throws Exception {
        nodes.forEach(node -> caseworkers.putIfAbsent(node, new Caseworker(new KsFlowClient(node.baseUrl()))));
        long lastCompleted = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            boolean intakeDone = intakeDone();
            for (Map.Entry<ClusterNode, Caseworker> caseworker : caseworkers.entrySet()) {
                if (caseworker.getKey().isAlive()) {
                    try {
                        caseworker.getValue().completeOpenTasks();
                    } catch (UncheckedIOException | IllegalStateException nodeWentAway) {
                        // a node being killed or started again: the other works on
                    }
                }
            }
            KsFlowClient live = liveClient();
            long incidents = live.getJson("/engine-rest/incident/count", "demo").path("count").asLong();
            if (incidents > 0) {
                throw new AssertionError("Open incidents: " + live.getJson("/engine-rest/incident?maxResults=5", "demo"));
            }
            long completed = completed(live);
            if (intakeDone && completed == mix.cases().size()) {
                return;
            }
            if (completed > lastCompleted) {
                lastCompleted = completed;
                lastProgress = Instant.now();
            } else if (Instant.now().isAfter(lastProgress.plus(stall))) {
                throw new AssertionError("No case ended for " + stall + ": " + completed + " of " + mix.cases().size()
                        + " completed, " + started.get() + " started");
            }
            ClusterNode.sleep(Duration.ofMillis(500));
        }
    }

    /** Tasks no user could complete, with the engine's answer: the caseworker could not go on. */
    List<String> refusals() {
        return caseworkers.values().stream().flatMap(caseworker -> caseworker.refusals().stream()).toList();
    }

    /** From the first case started to now. */
    Duration elapsed() {
        return Duration.between(begin, Instant.now());
    }

    Map<String, String> caseTypeById() {
        return caseTypeById;
    }

    Map<String, AtomicInteger> intakePerNode() {
        return intakePerNode;
    }

    long completed(KsFlowClient client) {
        return client.getJson("/engine-rest/history/process-instance/count?rootProcessInstances=true&finished=true&processInstanceBusinessKeyLike="
                + refPrefix + "%25", "demo").path("count").asLong();
    }

    KsFlowClient liveClient() {
        return nodes.stream().filter(ClusterNode::isAlive).findFirst()
                .map(node -> new KsFlowClient(node.baseUrl()))
                .orElseThrow(() -> new IllegalStateException("No node is alive"));
    }

    private void start(CaseMix.PlannedCase planned, int preferred) {
        RuntimeException lastFailure = null;
        for (int attempt = 0; attempt < nodes.size() * 3; attempt++) {
            ClusterNode node = nodes.get((preferred + attempt) % nodes.size());
            if (!node.isAlive()) {
                continue;
            }
            try {
                HttpResponse<String> response = new KsFlowClient(node.baseUrl())
                        .send("POST", "/api/v1/" + planned.caseType(), planned.body(), "servicenow");
                if (response.statusCode() != 201 && response.statusCode() != 200) {
                    throw new IllegalStateException("POST /api/v1/" + planned.caseType() + " " + planned.serviceNowRef()
                            + " answered " + response.statusCode() + ": " + response.body());
                }
                JsonNode view = KsFlowClient.json(response);
                caseTypeById.put(view.path("caseId").asText(), planned.caseType());
                intakePerNode.computeIfAbsent(node.name(), name -> new AtomicInteger()).incrementAndGet();
                started.incrementAndGet();
                return;
            } catch (UncheckedIOException nodeDidNotAnswer) {
                lastFailure = nodeDidNotAnswer;
                ClusterNode.sleep(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("No node took case " + planned.serviceNowRef(), lastFailure);
    }
}
