package dk.kk.ks.flow.integration;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The idempotency key of a write to an external system: the case (process instance) and the activity,
 * plus the loop counter inside a multi-instance. A retried job sends the same key again, so the
 * system applies the write once.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    public static String of(DelegateExecution execution) {
        Object loopCounter = execution.getVariableLocal("loopCounter");
        String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
        return loopCounter == null ? key : key + ":" + loopCounter;
    }
}
