package dk.kk.ks.flow.servicecontract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;

/** On "Bogført", after "Bogfør intern afregning i Opus Økonomi": the case ends POSTED. */
@Component("settlementPosted")
class SettlementPostedListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        CaseOutcome.set(execution, Outcome.POSTED);
    }
}
