package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;

/**
 * "Afgør lukningen": the rule after "Spær betalingskort hos kortudstederen" (the card issuer's block connector,
 * whose result is {@code closedCardIds}). Cards were blocked: the case is CLOSED and {@code cardId} is the first of
 * them. No open card: nothing was closed, and the case ends REJECTED (NO_OPEN_CARD).
 */
@Component("paymentCardsClosed")
class CardsClosedDelegate implements JavaDelegate {

    static final String NO_OPEN_CARD_ERROR = "NO_OPEN_CARD";

    @Override
    public void execute(DelegateExecution execution) {
        List<String> closed = CLOSED_CARD_IDS.get(execution);
        if (closed == null || closed.isEmpty()) {
            throw CaseOutcome.refusal(execution, NO_OPEN_CARD_ERROR, Reason.NO_OPEN_CARD);
        }
        CARD_ID.set(execution, closed.get(0));
        CaseOutcome.set(execution, Outcome.CLOSED);
    }
}
