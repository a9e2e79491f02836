package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;

/** "Bestil betalingskort hos kortudstederen": the approved card; the issuer's refusal ends the case REJECTED with its code. */
@Component("orderPaymentCard")
class OrderCardDelegate implements JavaDelegate {

    static final String ORDER_REFUSED = "CARD_ORDER_REFUSED";

    private final CardIssuerPort issuer;

    OrderCardDelegate(CardIssuerPort issuer) {
        this.issuer = issuer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CardIssuerPort.CardOrder order = new CardIssuerPort.CardOrder(EMPLOYEE_NUMBER.require(execution),
                BigDecimal.valueOf(MONTHLY_LIMIT.require(execution)).setScale(2, RoundingMode.HALF_UP),
                execution.getProcessBusinessKey());
        try {
            CARD_ID.set(execution, issuer.order(order, IdempotencyKeys.of(execution)).cardId());
            CaseOutcome.set(execution, Outcome.ORDERED);
        } catch (ExternalRejectionException refused) {
            throw CaseOutcome.refusal(execution, ORDER_REFUSED, List.of(refused.code()));
        }
    }
}
