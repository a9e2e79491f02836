package dk.kk.ks.flow.timesheet;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.OutcomeListener;

/** When "Indberet tillæg i Opus Løn" has keyed the supplements (its end, not when a boundary event cancels it): the case's outcome is POSTED. */
@Component("supplementsPosted")
class SupplementsPostedListener extends OutcomeListener {

    SupplementsPostedListener() {
        super(Outcome.POSTED);
    }
}
