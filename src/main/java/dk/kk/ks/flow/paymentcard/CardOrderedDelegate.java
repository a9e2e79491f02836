package dk.kk.ks.flow.paymentcard;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;

/**
 * "Kortet er bestilt": the case's outcome after "Bestil betalingskort hos kortudstederen" (the card issuer's order
 * connector, whose result is {@code cardId}): ORDERED. The issuer's refusal never gets here: the connector ends the
 * case REJECTED (CARD_ORDER_REFUSED, with the issuer's code as the reason).
 */
@Component("paymentCardOrdered")
class CardOrderedDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        CaseOutcome.set(execution, Outcome.ORDERED);
    }
}
