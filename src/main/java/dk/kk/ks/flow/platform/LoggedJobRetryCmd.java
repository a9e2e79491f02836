package dk.kk.ks.flow.platform;

import java.util.Date;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.integration.ExternalSystemException;

/**
 * Camunda's handling of a failed job (DefaultJobRetryCmd: the next attempt on the job's retry cycle, or the incident
 * when none is left), logged once it is committed:
 * <ul>
 * <li>an attempt that will be retried: one WARN line, the failure, the attempt and when the next comes, no stack trace:
 * {@code opus answered 503 to POST http://.../api/debitor/payouts/UDB1/release: attempt 2 of 5, retrying in 2 s (case 8f1e..., Task_ReleasePayout)};</li>
 * <li>the last attempt, which raises the incident: ERROR with the stack trace.</li>
 * </ul>
 * The failure of an external call is its exception's message (system, status, method and URL without the query;
 * never a body); any other failure is its exception's class and message, as Cockpit shows it.
 */
class LoggedJobRetryCmd extends DefaultJobRetryCmd {

    private static final Logger log = LoggerFactory.getLogger(FailedJobLogging.class);

    LoggedJobRetryCmd(String jobId, Throwable exception) {
        super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
        Object result = super.execute(commandContext);
        JobEntity job = getJob();
        if (job == null || !shouldDecrementRetriesFor(exception)) {
            return result;
        }
        int attempts = attempts(commandContext, job);
        int retriesLeft = job.getRetries();
        String line = describe(exception) + ": attempt " + Math.max(1, attempts - retriesLeft) + " of " + attempts;
        String where = where(job);
        Throwable failure = exception;
        if (retriesLeft > 0) {
            String next = retrying(job.getDuedate());
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> log.warn("{}, {} ({})", line, next, where));
        } else {
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> log.error("{}, no retries left: incident ({})", line, where, failure));
        }
        return result;
    }

    /** How many attempts the job has in all: its retry cycle's, as the superclass applies it, or the engine's default. */
    private int attempts(CommandContext commandContext, JobEntity job) {
        try {
            ActivityImpl activity = getCurrentActivity(commandContext, job);
            FailedJobRetryConfiguration cycle = activity == null ? null : getFailedJobRetryConfiguration(job, activity);
            if (cycle != null) {
                return cycle.getRetries();
            }
        } catch (RuntimeException noCycle) {
            // the superclass then falls back to the default too
        }
        return commandContext.getProcessEngineConfiguration().getDefaultNumberOfRetries();
    }

    /** The external call that failed (its message names system, status and call), else the exception's class and message. */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ExternalSystemException external) {
                return external.getMessage();
            }
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** "retrying in 2 s", "retrying in 5 min", or "retrying now" for a job due at once. */
    static String retrying(Date due) {
        long seconds = due == null ? 0 : Math.round((due.getTime() - ClockUtil.getCurrentTime().getTime()) / 1000.0);
        if (seconds <= 0) {
            return "retrying now";
        }
        if (seconds < 120) {
            return "retrying in " + seconds + " s";
        }
        if (seconds < 2 * 3600) {
            return "retrying in " + Math.round(seconds / 60.0) + " min";
        }
        return "retrying in " + Math.round(seconds / 3600.0) + " h";
    }

    private static String where(JobEntity job) {
        return job.getProcessInstanceId() == null
                ? "job " + job.getId() + ", " + job.getJobHandlerType()
                : "case " + job.getProcessInstanceId() + ", " + job.getActivityId();
    }
}
