package dk.kk.ks.flow.invoicepayout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;

/** On "Udbetaling frigivet", after "Frigiv udbetaling i Opus Debitor": the case ends PAID. */
@Component("payoutReleased")
class PayoutReleasedListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        CaseOutcome.set(execution, Outcome.PAID);
    }
}
