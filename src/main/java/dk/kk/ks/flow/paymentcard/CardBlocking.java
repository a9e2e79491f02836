package dk.kk.ks.flow.paymentcard;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort.Card;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort.CardStatus;

/**
 * Blocks every open card of an employee at the card issuer, idempotently per key: each block carries
 * the key as its reference and {@code key:cardId} as its Idempotency-Key, so a retry blocks nothing
 * twice, and a card already blocked with this key (by an attempt whose transaction was rolled back)
 * still counts as closed by it.
 */
@Component
class CardBlocking {

    private static final Logger log = LoggerFactory.getLogger(CardBlocking.class);

    private final CardIssuerPort issuer;

    CardBlocking(CardIssuerPort issuer) {
        this.issuer = issuer;
    }

    /** The ids of the employee's cards blocked with this key (now or earlier); empty when there was no open card. */
    List<String> blockOpenCards(String employeeNumber, String idempotencyKey) {
        List<String> closed = new ArrayList<>();
        for (Card card : issuer.cardsOf(employeeNumber)) {
            if (card.status() == CardStatus.OPEN) {
                Card blocked = issuer.block(card.cardId(), idempotencyKey, idempotencyKey + ":" + card.cardId());
                if (blocked == null || blocked.status() != CardStatus.BLOCKED) {
                    throw new IllegalStateException("The card issuer did not block card " + card.cardId());
                }
                closed.add(card.cardId());
            } else if (card.status() == CardStatus.BLOCKED && idempotencyKey.equals(card.blockReference())) {
                closed.add(card.cardId());
            }
        }
        log.info("Blocked {} payment card(s) of employee {} ({})", closed.size(), employeeNumber, idempotencyKey);
        return closed;
    }
}
