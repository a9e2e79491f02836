package dk.kk.ks.flow.invoicepayout;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.OutcomeListener;

/** On "Udbetaling frigivet", after "Frigiv udbetaling i Opus Debitor": the case ends PAID. */
@Component("payoutReleased")
class PayoutReleasedListener extends OutcomeListener {

    PayoutReleasedListener() {
        super(Outcome.PAID);
    }
}
