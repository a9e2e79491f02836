package dk.kk.ks.flow.posting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;

/** On "Bogført", after "Bogfør i Opus Økonomi": the case ends POSTED. */
@Component("journalPosted")
class JournalPostedListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        CaseOutcome.set(execution, Outcome.POSTED);
    }
}
