package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultFailedJobConfiguration;
import org.springframework.stereotype.Component;

/**
 * How a failed job is logged. A job (an async step, a timer) that fails is retried on its cycle and then becomes an
 * incident; each failed attempt that will be retried is one WARN line ("opus answered 503 to POST ...: attempt 2 of 5,
 * retrying in 2 s (case ..., Task_...)"), and only the last one, which raises the incident, logs the stack trace
 * (ERROR). See LoggedJobRetryCmd.
 *
 * <p>Replaces the Spring Boot starter's failed-job configuration (a bean of the same type), keeping what it does (the
 * retry cycles of the diagrams and the default retry command) with the retry command logged. Camunda's own logs of
 * the same failure are off: its per-attempt WARN with the stack trace (ENGINE-14006; a lock conflict keeps its one
 * line) here, its ERROR for the failed command (ENGINE-16004) in the job executor by CommandFailureLogging.
 */
@Component
class FailedJobLogging extends DefaultFailedJobConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        super.preInit(configuration);
        configuration.setFailedJobCommandFactory(LoggedJobRetryCmd::new);
        // A static hook of the engine: the same stateless handler for every engine in the JVM.
        ExecuteJobHelper.LOGGING_HANDLER = FailedJobLogging::logOnlyLockConflicts;
    }

    /** Camunda's log of a failed job execution, kept for lock conflicts only (one line, not counted as an attempt). */
    static void logOnlyLockConflicts(String jobId, Throwable failure) {
        if (failure instanceof OptimisticLockingException) {
            ProcessEngineLogger.JOB_EXECUTOR_LOGGER.exceptionWhileExecutingJob(jobId, failure);
        }
    }
}
