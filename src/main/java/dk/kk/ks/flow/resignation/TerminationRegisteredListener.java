package dk.kk.ks.flow.resignation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;

/** When "Registrer fratrædelse i Opus Løn" has registered the termination (its end, not when a boundary event cancels it): the case's outcome is REGISTERED. */
@Component("terminationRegistered")
class TerminationRegisteredListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // the step was left by an error or another boundary event: Opus did not do it
        }
        CaseOutcome.set(execution, Outcome.REGISTERED);
    }
}
