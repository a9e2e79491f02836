package dk.kk.ks.flow.robots;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a RobotWorker against the engine's external tasks: fetch and lock, work, then complete, BPMN error or failure. */
public class RobotRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RobotRunner.class);

    static final int DEFAULT_RETRIES = 3;

    private final ExternalTaskService externalTasks;
    private final String workerId;
    private final Duration lock;
    private final Duration retryTimeout;

    public RobotRunner(ExternalTaskService externalTasks, String workerId, Duration lock, Duration retryTimeout) {
        this.externalTasks = externalTasks;
        this.workerId = workerId;
        this.lock = lock;
        this.retryTimeout = retryTimeout;
    }

    /** Works through at most {@code maxTasks} tasks of the worker's topic; returns how many it took. */
    public int runOnce(RobotWorker worker, int maxTasks) {
        List<LockedExternalTask> tasks = externalTasks.fetchAndLock(maxTasks, workerId)
                .topic(worker.topic(), lock.toMillis()).variables(worker.variables()).execute();
        for (LockedExternalTask task : tasks) {
            try {
                Map<String, Object> output = worker.work(task.getVariables());
                externalTasks.complete(task.getId(), workerId, output);
            } catch (RobotWorker.RobotRefusal refused) {
                externalTasks.handleBpmnError(task.getId(), workerId, refused.code(), refused.getMessage());
            } catch (RuntimeException failed) {
                int retries = (task.getRetries() == null ? DEFAULT_RETRIES : task.getRetries()) - 1;
                LOG.warn("Robot {} failed on task {} ({} retries left): {}", worker.topic(), task.getId(), retries,
                        failed.getClass().getSimpleName());
                externalTasks.handleFailure(task.getId(), workerId, failed.getClass().getSimpleName() + ": " + failed.getMessage(),
                        null, Math.max(retries, 0), retryTimeout.toMillis());
            }
        }
        return tasks.size();
    }
}
