package dk.kk.ks.flow.resignation;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.OutcomeListener;

/** When "Registrer fratrædelse i Opus Løn" has registered the termination (its end, not when a boundary event cancels it): the case's outcome is REGISTERED. */
@Component("terminationRegistered")
class TerminationRegisteredListener extends OutcomeListener {

    TerminationRegisteredListener() {
        super(Outcome.REGISTERED);
    }
}
