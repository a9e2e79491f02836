package dk.kk.ks.flow.servicecontract;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.OutcomeListener;

/** On "Bogført", after "Bogfør intern afregning i Opus Økonomi": the case ends POSTED. */
@Component("settlementPosted")
class SettlementPostedListener extends OutcomeListener {

    SettlementPostedListener() {
        super(Outcome.POSTED);
    }
}
