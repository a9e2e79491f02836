package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task completion refused by a rule of the process: the answer to the person who tried, not an error.
 * The message is one Danish sentence that Tasklist shows as it is; the task stays open and nothing
 * happens in the process. The REST APIs answer it with a 4xx ({@link TaskRefusalExceptionMapper}), and
 * it is logged as one WARN line ({@link CompletionRules}), never as an error with a stack trace.
 */
public abstract sealed class TaskRefusal extends ProcessEngineException permits FourEyesRefusal, ValidationRefusal {

    /** Enough for the engine's wrapping; a bound, so that a cycle of causes cannot loop forever. */
    private static final int MAX_DEPTH = 16;

    protected TaskRefusal(String danishMessage) {
        super(danishMessage);
    }

    /** The refusal that caused {@code failure} (the engine wraps a listener's exception), or null. */
    public static TaskRefusal in(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof TaskRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
