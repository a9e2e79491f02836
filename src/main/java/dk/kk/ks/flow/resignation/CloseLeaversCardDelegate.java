package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.paymentcard.PaymentCardClosing;

/** "Luk betalingskort": the leaver's payment card is blocked at once; a card that could not be found is for a caseworker. */
@Component("closeLeaversCard")
class CloseLeaversCardDelegate implements JavaDelegate {

    private final PaymentCardClosing cards;

    CloseLeaversCardDelegate(PaymentCardClosing cards) {
        this.cards = cards;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean closed = cards.closeCardsOf(EMPLOYEE_NUMBER.require(execution), IdempotencyKeys.of(execution));
        PAYMENT_CARD_CLOSED.set(execution, closed);
        CARD_NOT_CLOSED.set(execution, !closed);
    }
}
