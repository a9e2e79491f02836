package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.ValidationRefusal;

/**
 * On completing "Træf afgørelse" (and "Behandl tjenestemandssag"): dismiss or withdraw, with a written
 * justification (the decision must be reasoned, Forvaltningsloven § 22).
 */
@Component("decideDismissal")
class DecideDismissalListener extends CompletionRules {

    @Override
    protected void completing(DelegateTask task) {
        String decision = DECISION.get(task);
        if (!"DISMISS".equals(decision) && !"WITHDRAW".equals(decision)) {
            throw new ValidationRefusal("Vælg: afskedige eller tilbagekalde.");
        }
        String justification = JUSTIFICATION.get(task);
        if (justification == null || justification.isBlank()) {
            throw new ValidationRefusal("Skriv begrundelsen for afgørelsen.");
        }
        CaseOutcome.set(task.getExecution(), "DISMISS".equals(decision) ? Outcome.DISMISSED : Outcome.WITHDRAWN);
    }
}
