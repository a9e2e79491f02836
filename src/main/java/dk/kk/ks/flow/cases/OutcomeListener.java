package dk.kk.ks.flow.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * An execution listener that ends the case with one fixed outcome: on an end event ("Bogført") or on the end of the
 * step that did the work ("Registrer fratrædelse i Opus Løn"). A step left by an error or another boundary event
 * is cancelled, the external system did not do the work, and the outcome is left alone. Each case type's listener is
 * a subclass naming its outcome (the deployment rules allow no {@code camunda:field} to pass it).
 */
public abstract class OutcomeListener implements ExecutionListener {

    private final Outcome outcome;

    protected OutcomeListener(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public final void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        CaseOutcome.set(execution, outcome);
    }
}
