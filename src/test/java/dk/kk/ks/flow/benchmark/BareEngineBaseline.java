package dk.kk.ks.flow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

import dk.kk.ks.flow.support.TestClock;

/**
 * The baseline: KS Flow's diagrams, decision tables and forms on a bare Camunda engine (its own database,
 * history level full, UUID ids, the job executor on and the history removal-time strategy as KS Flow's
 * application.yml sets them), every delegate and listener a no-op, no external call, no HTTP. Each recorded KS
 * Flow case is started again with the variables it ended with (so the gateways take the same paths), user tasks
 * are completed directly through the TaskService and the hearing reply is delivered through the RuntimeService.
 */
final class BareEngineBaseline {

    private static final Logger log = LoggerFactory.getLogger(BareEngineBaseline.class);

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    /** The business keys' prefixes: the warm-up's cases, and the measured ones. */
    private static final String WARM_UP = "WARMUP";
    private static final String MEASURED = "BASELINE";
    private static final String DATABASE = "ksflow_bench_baseline";

    /**
     * What the bare engine did: how many instances of each process started and finished, and how fast;
     * {@code machine}: the machine's speed around its measured instances (MachineProbe); {@code database}: how its
     * database was settled before and after them.
     */
    record Result(int started, Map<String, Integer> startedByKey, Map<String, Integer> finishedByKey,
                  Map<String, Long> medianMillisByKey, double seconds, long incidents, long statements, CpuMeter.Reading cpu,
                  MachineProbe.Speed machine, Database.Settling database) {

        int finished() {
            return finishedByKey.values().stream().mapToInt(Integer::intValue).sum();
        }

        double casesPerSecond() {
            return finished() / Math.max(0.001, seconds);
        }
    }

    private final Database database;
    private final Path projectDir;

    BareEngineBaseline(Database database, Path projectDir) {
        this.database = database;
        this.projectDir = projectDir;
    }

    /**
     * Starts every case with {@code clients} threads and waits until all have ended or the timeout passes. First, not
     * measured, {@code warmUp} cases (the recorded ones again, from the first) run to their end the same way.
     */
    Result run(List<RecordedCase> cases, int warmUp, int clients, Duration timeout) throws Exception {
        Map<String, Map<String, JsonNode>> calledVariables = new ConcurrentHashMap<>();
        String url = database.fresh(DATABASE);
        ProcessEngine engine = engine(url, calledVariables);
        try {
            deploy(engine);
            if (warmUp > 0 && !cases.isEmpty()) {
                List<RecordedCase> warmUpCases = new ArrayList<>();
                for (int i = 0; i < warmUp; i++) {
                    warmUpCases.add(cases.get(i % cases.size()));
                }
                startAndAwait(engine, warmUpCases, WARM_UP, calledVariables, clients, timeout, () -> database.vacuumAndAnalyze(url));
                if (finished(engine, WARM_UP) < warmUp) {
                    throw new IllegalStateException("The bare engine's warm-up did not end: " + finished(engine, WARM_UP) + " of " + warmUp);
                }
            }
            Database.Settled settledBefore = database.settle(url);
            MachineProbe.Window machine = MachineProbe.start(); // before this run's CPU is counted
            long statementsBefore = StatementCounting.count();
            CpuMeter cpuMeter = new CpuMeter(-1);
            CpuMeter.Reading cpuBefore = cpuMeter.read();
            long started = TestClock.clock().millis(); // the engine's clock, which the cases' end times are on
            Map<String, Integer> startedByKey = startAndAwait(engine, cases, MEASURED, calledVariables, clients, timeout, () -> { });
            long statements = StatementCounting.count() - statementsBefore;
            CpuMeter.Reading cpu = cpuMeter.read().minus(cpuBefore);
            MachineProbe.Speed speed = machine.end();
            Database.Settling settling = new Database.Settling(settledBefore, database.settle(url));
            return result(engine, started, startedByKey, statements, cpu, speed, settling);
        } finally {
            engine.close();
            database.drop(DATABASE); // nothing of it (autovacuum, where it is on) runs into the next run's cases
        }
    }

    /**
     * Starts the cases under the business keys {@code prefix0, prefix1, ...} and waits until they have ended (or the
     * timeout); {@code allIn} runs once all have been started, while they are still running.
     */
    private static Map<String, Integer> startAndAwait(ProcessEngine engine, List<RecordedCase> cases, String prefix,
                                                      Map<String, Map<String, JsonNode>> calledVariables, int clients,
                                                      Duration timeout, Database.Step allIn) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(clients);
        Map<String, Integer> startedByKey = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            RecordedCase recorded = cases.get(i);
            String businessKey = prefix + i;
            recorded.called().forEach((processKey, variables) -> calledVariables.put(businessKey + "/" + processKey, variables));
            startedByKey.merge(recorded.processKey(), 1, Integer::sum);
            starters.submit(() -> engine.getRuntimeService().startProcessInstanceByKey(recorded.processKey(), businessKey,
                    RecordedCase.typed(recorded.variables())));
        }
        Thread caseworker = new Thread(() -> workUntilInterrupted(engine), "baseline-caseworker");
        caseworker.start();
        starters.shutdown();
        try {
            if (!starters.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The starts of " + cases.size() + " instances did not end within " + timeout);
            }
            allIn.run();
            long deadline = System.nanoTime() + timeout.toNanos(); // as KS Flow's wait: a whole timeout after the intake
            while (System.nanoTime() < deadline && finished(engine, prefix) < cases.size()) {
                Thread.sleep(200);
            }
        } finally {
            caseworker.interrupt(); // also when the run fails: it is not a daemon
            caseworker.join();
        }
        return startedByKey;
    }

    private static long finished(ProcessEngine engine, String prefix) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstances().finished()
                .processInstanceBusinessKeyLike(prefix + "%").count();
    }

    /** The simulated caseworker of the bare engine: completes every open task and delivers every awaited message. */
    private static void workUntilInterrupted(ProcessEngine engine) {
        while (!Thread.currentThread().isInterrupted()) {
            long passStarted = System.nanoTime();
            try {
                for (Task task : engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().asc().listPage(0, 200)) {
                    attempt(() -> engine.getTaskService().complete(task.getId()));
                }
                for (EventSubscription subscription : engine.getRuntimeService().createEventSubscriptionQuery()
                        .eventType("message").listPage(0, 200)) {
                    if (subscription.getExecutionId() != null) {
                        attempt(() -> engine.getRuntimeService().messageEventReceived(subscription.getEventName(),
                                subscription.getExecutionId()));
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Bare engine caseworker pass failed, trying again: {}", e.toString());
            }
            try {
                MixRun.paceCaseworker(passStarted); // the pace of KS Flow's caseworker
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Does it, unless the engine refuses (a job got there first: optimistic locking); the next pass tries again. */
    private static void attempt(Runnable action) {
        try {
            action.run();
        } catch (ProcessEngineException concurrent) {
            // the next pass tries again
        }
    }

    private Result result(ProcessEngine engine, long startedMillis, Map<String, Integer> startedByKey, long statements,
                          CpuMeter.Reading cpu, MachineProbe.Speed machine, Database.Settling settling) {
        Map<String, List<Long>> durations = new TreeMap<>();
        long lastEnd = startedMillis;
        int page = 1000;
        for (int first = 0; ; first += page) {
            List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .rootProcessInstances().finished().processInstanceBusinessKeyLike(MEASURED + "%")
                    .orderByProcessInstanceId().asc().listPage(first, page);
            for (HistoricProcessInstance instance : instances) {
                durations.computeIfAbsent(instance.getProcessDefinitionKey(), key -> new ArrayList<>()).add(instance.getDurationInMillis());
                lastEnd = Math.max(lastEnd, instance.getEndTime().getTime());
            }
            if (instances.size() < page) {
                break;
            }
        }
        Map<String, Integer> finishedByKey = new TreeMap<>();
        Map<String, Long> medians = new TreeMap<>();
        durations.forEach((key, list) -> {
            finishedByKey.put(key, list.size());
            medians.put(key, median(list));
        });
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        return new Result(startedByKey.values().stream().mapToInt(Integer::intValue).sum(), startedByKey, finishedByKey, medians,
                (lastEnd - startedMillis) / 1000.0, incidents, statements, cpu, machine, settling);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
    }

    private ProcessEngine engine(String url, Map<String, Map<String, JsonNode>> calledVariables) throws IOException {
        TestClock.resetEngineClock(); // the time KS Flow's JVM runs at, also when no Spring test ran in this JVM before
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("ksflow-baseline-" + UUID.randomUUID());
        PooledDataSource pool = new PooledDataSource(database.postgres() ? "org.postgresql.Driver" : "org.h2.Driver",
                url, database.user(), "");
        pool.setPoolMaximumActiveConnections(20);
        configuration.setDataSource(StatementCounting.counting(pool));
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setHistoryRemovalTimeStrategy(removalTimeStrategyAsKsFlows());
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin())));
        configuration.setJobExecutor(jobExecutorAsKsFlows());
        configuration.setJobExecutorActivate(true);
        Map<Object, Object> beans = new HashMap<>();
        NoOp noOp = new NoOp(calledVariables);
        for (Path diagram : files("processes", ".bpmn")) {
            Matcher matcher = DELEGATE.matcher(Files.readString(diagram));
            while (matcher.find()) {
                beans.put(matcher.group(1), noOp);
            }
        }
        configuration.setBeans(beans);
        return configuration.buildProcessEngine();
    }

    /** The job executor with the settings of KS Flow's application.yml ({@code camunda.bpm.job-execution}). */
    @SuppressWarnings("unchecked")
    private DefaultJobExecutor jobExecutorAsKsFlows() throws IOException {
        Map<String, Object> settings = (Map<String, Object>) camundaSettings().get("job-execution");
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor() {
            @Override
            protected void startExecutingJobs() {
                super.startExecutingJobs();
                // named so that CpuMeter counts them as KS Flow's job threads are counted (the pool makes its threads
                // on the first job)
                AtomicInteger threads = new AtomicInteger();
                threadPoolExecutor.setThreadFactory(job -> new Thread(job, "baseline-jobs-" + threads.incrementAndGet()));
            }
        };
        settings.forEach((name, setting) -> {
            Object value = defaultOf(setting);
            switch (name) {
                case "enabled" -> { }
                case "wait-time-in-millis" -> jobExecutor.setWaitTimeInMillis(((Number) value).intValue());
                case "max-wait" -> jobExecutor.setMaxWait(((Number) value).longValue());
                case "core-pool-size" -> jobExecutor.setCorePoolSize((Integer) value);
                case "max-pool-size" -> jobExecutor.setMaxPoolSize((Integer) value);
                case "queue-capacity" -> jobExecutor.setQueueSize((Integer) value);
                case "max-jobs-per-acquisition" -> jobExecutor.setMaxJobsPerAcquisition((Integer) value);
                case "lock-time-in-millis" -> jobExecutor.setLockTimeInMillis(((Number) value).intValue());
                default -> throw new IllegalStateException("The baseline does not know job-execution." + name + " yet");
            }
        });
        return jobExecutor;
    }

    /** {@code camunda.bpm} of KS Flow's application.yml. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> camundaSettings() throws IOException {
        try (InputStream in = Files.newInputStream(projectDir.resolve("src/main/resources/application.yml"))) {
            Map<String, Object> yaml = new Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) yaml.get("camunda")).get("bpm");
        }
    }

    /** KS Flow's {@code history-removal-time-strategy} (application.yml, generic properties), or Camunda's default. */
    @SuppressWarnings("unchecked")
    private String removalTimeStrategyAsKsFlows() throws IOException {
        Map<String, Object> generic = (Map<String, Object>) ((Map<String, Object>) camundaSettings().get("generic-properties"))
                .get("properties");
        Object strategy = generic.get("history-removal-time-strategy");
        return strategy == null ? ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END : strategy.toString();
    }

    /**
     * A setting's value; for a placeholder such as {@code ${KSFLOW_JOB_THREADS:2}}, the environment variable's value
     * if this JVM has it, else the default, as a number (the application resolves it the same way).
     */
    private static Object defaultOf(Object setting) {
        if (setting instanceof String text && text.startsWith("${") && text.endsWith("}") && text.contains(":")) {
            String name = text.substring(2, text.indexOf(':'));
            String value = System.getenv(name) != null ? System.getenv(name) : text.substring(text.indexOf(':') + 1, text.length() - 1);
            return Integer.valueOf(value.trim());
        }
        return setting;
    }

    private void deploy(ProcessEngine engine) throws IOException {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("ks-flow-baseline");
        List<InputStream> streams = new ArrayList<>();
        try {
            for (Path file : Stream.of(files("processes", ".bpmn"), files("processes", ".dmn"), files("forms", ".form"))
                    .flatMap(List::stream).toList()) {
                InputStream stream = Files.newInputStream(file);
                streams.add(stream);
                deployment.addInputStream(file.getFileName().toString(), stream);
            }
            deployment.deploy();
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    private List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(projectDir.resolve(dir))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * Every delegate and listener of the diagrams. It does nothing, except in a process another one called
     * (the dismissal's resignation): there it writes the variables the called KS Flow process ended with,
     * since the caller's start variables do not reach it.
     */
    private record NoOp(Map<String, Map<String, JsonNode>> calledVariables) implements JavaDelegate, TaskListener, ExecutionListener {

        @Override
        public void execute(DelegateExecution execution) {
            // Not from the definition id: an id over 64 characters is a bare UUID without the key.
            String processKey = execution.getProcessEngineServices().getRepositoryService()
                    .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
            Map<String, JsonNode> recorded = calledVariables.get(execution.getProcessBusinessKey() + "/" + processKey);
            if (recorded != null) {
                RecordedCase.typed(recorded).forEach((name, value) -> {
                    if (!execution.hasVariable(name)) {
                        execution.getProcessInstance().setVariable(name, value);
                    }
                });
            }
        }

        @Override
        public void notify(DelegateExecution execution) {
            execute(execution);
        }

        @Override
        public void notify(DelegateTask task) {
            // no-op: KS Flow's task listeners check four eyes and set assignees from variables already present
        }
    }
}
