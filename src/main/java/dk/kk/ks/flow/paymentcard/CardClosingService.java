package dk.kk.ks.flow.paymentcard;

import org.springframework.stereotype.Component;

/** PaymentCardClosing for other case types (a resignation blocks the leaver's cards): CardBlocking's answer as a yes or no. */
@Component
class CardClosingService implements PaymentCardClosing {

    private final CardBlocking blocking;

    CardClosingService(CardBlocking blocking) {
        this.blocking = blocking;
    }

    @Override
    public boolean closeCardsOf(String employeeNumber, String idempotencyKey) {
        return !blocking.blockOpenCards(employeeNumber, idempotencyKey).isEmpty();
    }
}
