package dk.kk.ks.flow.benchmark;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.support.TestClock;
import dk.kk.ks.flow.support.load.CaseMix;
import dk.kk.ks.flow.support.load.Caseworker;
import dk.kk.ks.flow.support.load.KsFlowClient;

/**
 * A month's mix through KS Flow: the cases are posted to the intake API by a few concurrent clients (as
 * ServiceNow would, each waiting for its answer), a simulated caseworker completes the user tasks through
 * the engine's REST API meanwhile, and the run ends when every case has ended. The figures come from the
 * client (intake latency), the engine's history REST API (durations, end times) and /actuator/metrics
 * (statements, CPU, heap).
 */
final class MixRun {

    private static final Logger log = LoggerFactory.getLogger(MixRun.class);
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final int PAGE = 1000;

    /**
     * What the run measured; {@code recorded} holds, in intake order, one ended KS Flow case per case for the baseline;
     * {@code machine}: the machine's speed around its cases (MachineProbe); {@code database}: how its database was
     * settled before and after them ({@link Database.Settling#NOTHING} until the benchmark says).
     */
    record Result(int count, int intakeErrors, Map<String, Integer> countByType, Map<String, Integer> completedByType,
                  Map<String, Long> medianMillisByType, double seconds, Latencies intake, long statements,
                  ResourceSampler.Usage usage, CpuMeter.Reading cpu, Map<IntakeProfile.Kind, Double> httpCpu,
                  List<RecordedCase> recorded, List<String> refusals, MachineProbe.Speed machine, Database.Settling database) {

        /** The same run with how its database was settled around it (the benchmark does that, between the runs). */
        Result settled(Database.Settling settling) {
            return new Result(count, intakeErrors, countByType, completedByType, medianMillisByType, seconds, intake, statements,
                    usage, cpu, httpCpu, recorded, refusals, machine, settling);
        }

        int completed() {
            return completedByType.values().stream().mapToInt(Integer::intValue).sum();
        }

        double casesPerSecond() {
            return completed() / Math.max(0.001, seconds);
        }
    }

    private final AppProcess app;
    private final KsFlowClient client;

    /**
     * How often the benchmark's caseworkers look at their task lists, on both sides alike: a pass at most every 250 ms.
     * Short, as a case's end waits for it at each of its human steps (a dismissal has three), and the throughput runs to
     * the last case's end; not shorter, as each of KS Flow's passes is five REST calls.
     */
    static final Duration CASEWORKER_PASS = Duration.ofMillis(250);

    MixRun(AppProcess app) {
        this.app = app;
        this.client = app.client();
    }

    /**
     * @param recordPerType how many ended cases of each type to read back for the baseline (it cycles through them)
     */
    Result run(CaseMix mix, int clients, Duration timeout, int recordPerType) throws Exception {
        return run(mix, clients, timeout, recordPerType, () -> { });
    }

    /** The same, and {@code allIn} runs once every case has been taken in, while they are still running. */
    Result run(CaseMix mix, int clients, Duration timeout, int recordPerType, Database.Step allIn) throws Exception {
        mix.sandboxData().forEach((path, body) -> client.put(path, body, "demo"));
        List<CaseMix.PlannedCase> cases = mix.cases();
        long statementsBefore = app.statements();
        Latencies intake = new Latencies();
        Map<String, String> typeByCase = new ConcurrentHashMap<>();
        List<String> caseIds = new ArrayList<>(java.util.Collections.nCopies(cases.size(), (String) null));
        AtomicInteger intakeErrors = new AtomicInteger();
        Caseworker caseworker = new Caseworker(client);
        Thread caseworkerThread = new Thread(() -> work(caseworker), "caseworker");
        ResourceSampler.Usage usage;
        long endedBefore = endedCount(); // a warm-up's cases, ended before this run
        MachineProbe.Window machine = MachineProbe.start(); // before this run's CPU is counted
        CpuMeter cpuMeter = new CpuMeter(app.pid());
        CpuMeter.Reading cpuBefore = cpuMeter.read();
        Map<IntakeProfile.Kind, Double> httpCpuBefore = app.httpCpuSeconds();
        // On the clock the cases' end times are on (the application runs on the test clock)
        long started = TestClock.clock().millis();
        try (ResourceSampler sampler = new ResourceSampler(app)) {
            caseworkerThread.start();
            try {
                ExecutorService intakeClients = Executors.newFixedThreadPool(clients);
                for (int i = 0; i < cases.size(); i++) {
                    int index = i;
                    CaseMix.PlannedCase planned = cases.get(i);
                    intakeClients.submit(() -> {
                        long before = System.nanoTime();
                        HttpResponse<String> response = client.send("POST", "/api/v1/" + planned.caseType(), planned.body(), "servicenow");
                        intake.add((System.nanoTime() - before) / 1e6);
                        if (response.statusCode() == 201) {
                            String caseId = KsFlowClient.json(response).get("caseId").asText();
                            typeByCase.put(caseId, planned.caseType());
                            caseIds.set(index, caseId);
                        } else {
                            intakeErrors.incrementAndGet();
                            log.warn("Intake refused {}: {} {}", planned.serviceNowRef(), response.statusCode(), response.body());
                        }
                    });
                }
                intakeClients.shutdown();
                if (!intakeClients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("The intake of " + cases.size() + " cases did not end within " + timeout);
                }
                allIn.run();
                awaitEnded(endedBefore + typeByCase.size(), timeout);
            } finally {
                caseworkerThread.interrupt(); // also when the run fails: it is not a daemon
                caseworkerThread.join();
            }
            usage = sampler.usage();
        }
        CpuMeter.Reading cpu = cpuMeter.read().minus(cpuBefore);
        MachineProbe.Speed machineSpeed = machine.end();
        Map<IntakeProfile.Kind, Double> httpCpu = app.httpCpuSeconds();
        httpCpuBefore.forEach((kind, before) -> httpCpu.merge(kind, -before, Double::sum));
        long statements = app.statements() - statementsBefore;

        Map<String, List<Long>> durations = new TreeMap<>();
        long lastEnd = started;
        for (JsonNode instance : endedRootInstances()) {
            String caseType = typeByCase.get(instance.get("id").asText());
            if (caseType != null) {
                durations.computeIfAbsent(caseType, type -> new ArrayList<>()).add(instance.get("durationInMillis").asLong());
                lastEnd = Math.max(lastEnd, OffsetDateTime.parse(instance.get("endTime").asText(), ENGINE_DATE).toInstant().toEpochMilli());
            }
        }
        Map<String, Integer> countByType = new TreeMap<>();
        cases.forEach(planned -> countByType.merge(planned.caseType(), 1, Integer::sum));
        Map<String, Integer> completedByType = new TreeMap<>();
        Map<String, Long> medians = new TreeMap<>();
        durations.forEach((type, list) -> {
            completedByType.put(type, list.size());
            medians.put(type, BareEngineBaseline.median(list));
        });
        return new Result(cases.size(), intakeErrors.get(), countByType, completedByType, medians, (lastEnd - started) / 1000.0,
                intake, statements, usage, cpu, httpCpu, recorded(caseIds, typeByCase, durations.keySet(), recordPerType), caseworker.refusals(),
                machineSpeed, Database.Settling.NOTHING);
    }

    private void work(Caseworker caseworker) {
        while (!Thread.currentThread().isInterrupted()) {
            long passStarted = System.nanoTime();
            try {
                caseworker.completeOpenTasks();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("Caseworker pass failed, trying again: {}", e.toString());
            }
            try {
                paceCaseworker(passStarted);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Waits out the rest of {@link #CASEWORKER_PASS} after a caseworker's pass that began at {@code passStartedNanos}:
     * KS Flow's caseworker here and the bare engine's (BareEngineBaseline) keep the same pace.
     */
    static void paceCaseworker(long passStartedNanos) throws InterruptedException {
        long left = CASEWORKER_PASS.toNanos() - (System.nanoTime() - passStartedNanos);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /**
     * Until {@code cases} root instances have ended in all, counting those of an earlier run on the same database. It
     * asks every 5 seconds: the count reads the whole history, and at every second it took PostgreSQL 36 ms a time,
     * charged to KS Flow's CPU per case (pg_stat_statements). The throughput and the durations come from the cases'
     * end times in the history, so they do not change; the CPU, statements and heap figures now include up to 5 s after
     * the last end instead of up to 1 s (the caseworker's idle passes, a few statements a second).
     */
    private void awaitEnded(long cases, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long ended = 0;
        while (System.nanoTime() < deadline) {
            ended = endedCount();
            if (ended >= cases) {
                return;
            }
            Thread.sleep(5000);
        }
        log.warn("Timed out: {} of {} cases ended", ended, cases);
    }

    private long endedCount() {
        return client.getJson("/engine-rest/history/process-instance/count?finished=true&rootProcessInstances=true", "demo")
                .get("count").asLong();
    }

    private List<JsonNode> endedRootInstances() {
        List<JsonNode> instances = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            JsonNode page = client.getJson("/engine-rest/history/process-instance?finished=true&rootProcessInstances=true"
                    + "&sortBy=instanceId&sortOrder=asc&firstResult=" + first + "&maxResults=" + PAGE, "demo");
            page.forEach(instances::add);
            if (page.size() < PAGE) {
                return instances;
            }
        }
    }

    /** For each started case, in intake order, one of the first {@code perType} ended cases of its type, as it ended. */
    private List<RecordedCase> recorded(List<String> caseIds, Map<String, String> typeByCase, java.util.Set<String> endedTypes,
                                        int perType) {
        Map<String, List<RecordedCase>> samples = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        List<RecordedCase> recorded = new ArrayList<>();
        for (String caseId : caseIds) {
            String caseType = caseId == null ? null : typeByCase.get(caseId);
            if (caseType == null || !endedTypes.contains(caseType)) {
                continue;
            }
            List<RecordedCase> ofType = samples.computeIfAbsent(caseType, type -> new ArrayList<>());
            if (ofType.size() < perType) {
                RecordedCase read = read(caseId, caseType);
                if (read != null) {
                    ofType.add(read);
                }
            }
            if (!ofType.isEmpty()) {
                int n = used.merge(caseType, 1, Integer::sum);
                recorded.add(ofType.get((n - 1) % ofType.size()));
            }
        }
        return recorded;
    }

    /** An ended case as the history REST API has it, or null while it has not ended. */
    private RecordedCase read(String caseId, String caseType) {
        JsonNode instance = client.getJson("/engine-rest/history/process-instance/" + caseId, "demo");
        if (instance.path("endTime").isNull()) {
            return null;
        }
        Map<String, Map<String, JsonNode>> called = new LinkedHashMap<>();
        for (JsonNode child : client.getJson("/engine-rest/history/process-instance?superProcessInstanceId=" + caseId, "demo")) {
            called.put(child.get("processDefinitionKey").asText(), variables(child.get("id").asText()));
        }
        return new RecordedCase(caseType, instance.get("processDefinitionKey").asText(), variables(caseId), called);
    }

    /** The process-scope variables of an instance, serialized as stored. */
    private Map<String, JsonNode> variables(String processInstanceId) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        for (JsonNode variable : client.getJson("/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId="
                + processInstanceId, "demo")) {
            if (processInstanceId.equals(variable.path("activityInstanceId").asText())) {
                variables.put(variable.get("name").asText(), variable);
            }
        }
        return variables;
    }
}
