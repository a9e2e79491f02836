package dk.kk.ks.flow.paymentcard;

/**
 * Closing an employee's payment card at once, as other case types need it (a resignation blocks the
 * leaver's card). Implemented by the payment-card case type over the card issuer port.
 */
public interface PaymentCardClosing {

    /**
     * Blocks every open payment card of the employee at the card issuer.
     *
     * @param idempotencyKey the same key again blocks nothing twice
     * @return true when a card was found and blocked (or already blocked by this key), false when the
     * employee has no open card
     */
    boolean closeCardsOf(String employeeNumber, String idempotencyKey);
}
