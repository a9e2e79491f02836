package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.integration.IdempotencyKeys;

/**
 * "Spær betalingskort hos kortudstederen": every open card of the employee is blocked at once (CLOSED).
 * An employee with no open card ends the case REJECTED (NO_OPEN_CARD): nothing was closed.
 */
@Component("closePaymentCards")
class CloseCardsDelegate implements JavaDelegate {

    static final String NO_OPEN_CARD_ERROR = "NO_OPEN_CARD";

    private final CardBlocking blocking;

    CloseCardsDelegate(CardBlocking blocking) {
        this.blocking = blocking;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> closed = blocking.blockOpenCards(EMPLOYEE_NUMBER.require(execution), IdempotencyKeys.of(execution));
        CLOSED_CARD_IDS.set(execution, new ArrayList<>(closed));
        if (closed.isEmpty()) {
            throw CaseOutcome.refusal(execution, NO_OPEN_CARD_ERROR, Reason.NO_OPEN_CARD);
        }
        CARD_ID.set(execution, closed.get(0));
        CaseOutcome.set(execution, Outcome.CLOSED);
    }
}
