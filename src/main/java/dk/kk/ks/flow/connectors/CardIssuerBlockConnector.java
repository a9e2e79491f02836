package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort.CardStatus;

/**
 * "Kortudsteder: spær medarbejderens kort": blocks every open card of the employee, recording the reference;
 * the result is the list of blocked card ids (empty when the employee has no open card). Each block carries
 * the task's idempotency key plus the card id, so a retry after a partial run blocks nothing twice, and a card
 * already blocked with this reference (by an attempt whose transaction was rolled back) still counts as blocked
 * by this step. An issuer that answers a block with a card that is not blocked is a technical failure (retries,
 * then an incident), never a silent success.
 */
@Component("cardIssuerBlockConnector")
class CardIssuerBlockConnector extends Connector {

    static final ConnectorInput EMPLOYEE_NUMBER = ConnectorInput.required("employeeNumber");
    static final ConnectorInput REFERENCE = ConnectorInput.required("reference");
    static final List<ConnectorInput> INPUTS = List.of(EMPLOYEE_NUMBER, REFERENCE, RESULT_VARIABLE);

    private final CardIssuerPort cardIssuer;

    CardIssuerBlockConnector(CardIssuerPort cardIssuer) {
        super(INPUTS, true);
        this.cardIssuer = cardIssuer;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String key = IdempotencyKeys.of(execution);
        String reference = REFERENCE.text(execution);
        List<String> blocked = new ArrayList<>();
        for (CardIssuerPort.Card card : cardIssuer.cardsOf(EMPLOYEE_NUMBER.text(execution))) {
            if (card.status() == CardStatus.OPEN) {
                CardIssuerPort.Card answer = cardIssuer.block(card.cardId(), reference, key + ":" + card.cardId());
                if (answer == null || answer.status() != CardStatus.BLOCKED) {
                    throw new IllegalStateException("The card issuer did not block card " + card.cardId());
                }
                blocked.add(card.cardId());
            } else if (card.status() == CardStatus.BLOCKED && reference.equals(card.blockReference())) {
                blocked.add(card.cardId());
            }
        }
        result(execution, blocked);
    }
}
