package dk.kk.ks.flow.timesheet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;

/** When "Indberet tillæg i Opus Løn" has keyed the supplements (its end, not when a boundary event cancels it): the case's outcome is POSTED. */
@Component("supplementsPosted")
class SupplementsPostedListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // the step was left by an error or another boundary event: Opus did not do it
        }
        CaseOutcome.set(execution, Outcome.POSTED);
    }
}
