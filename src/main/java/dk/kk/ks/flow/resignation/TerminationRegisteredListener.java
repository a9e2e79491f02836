package dk.kk.ks.flow.resignation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;

/** When "Registrer fratrædelse i Opus Løn" has registered the termination (its end): the case's outcome is REGISTERED. */
@Component("terminationRegistered")
class TerminationRegisteredListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        CaseOutcome.set(execution, Outcome.REGISTERED);
    }
}
