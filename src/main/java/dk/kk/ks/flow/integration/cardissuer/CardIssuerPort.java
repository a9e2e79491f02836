package dk.kk.ks.flow.integration.cardissuer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The card issuer (the municipality's bank) for employees' payment cards: order a card with a monthly
 * limit, block a card, read a card, list an employee's cards. The wire format is this application's
 * assumption (docs/case-types.md, "Payment cards"). Every write carries an idempotency key: a repeated key changes
 * nothing and returns the first answer.
 */
public interface CardIssuerPort {

    enum CardStatus { OPEN, BLOCKED }

    /** An order of a new card; {@code reference} is the case's ServiceNow record number. */
    record CardOrder(String employeeNumber, BigDecimal monthlyLimit, String reference) {
    }

    /**
     * A card as the issuer knows it. {@code blockReference} is the reference given when the card was
     * blocked (which case blocked it), null while it is open.
     */
    record Card(String cardId, String employeeNumber, BigDecimal monthlyLimit, CardStatus status, String reference,
                String blockReference) {
    }

    /** Orders a new card; a refusal (a limit above the issuer's maximum, say) is an ExternalRejectionException. */
    Card order(CardOrder order, String idempotencyKey);

    /** Blocks the card at once, recording {@code reference}; blocking a blocked card changes nothing. */
    Card block(String cardId, String reference, String idempotencyKey);

    /** The card, or empty when the issuer does not know it. */
    Optional<Card> card(String cardId);

    /** Every card of the employee, open or blocked (empty when the employee has none). */
    List<Card> cardsOf(String employeeNumber);
}
