package dk.kk.ks.flow.posting;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.OutcomeListener;

/** On "Bogført", after "Bogfør i Opus Økonomi": the case ends POSTED. */
@Component("journalPosted")
class JournalPostedListener extends OutcomeListener {

    JournalPostedListener() {
        super(Outcome.POSTED);
    }
}
