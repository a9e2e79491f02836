package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.REFUSAL_ERROR_CODE;
import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;

/**
 * "Kortudsteder: bestil kort": orders a payment card for the employee with a monthly limit (kroner, rounded to
 * øre), recording the reference (the case's ServiceNow record, say); the result is the new card's id. The issuer's
 * refusal (a limit above its maximum, say) is its code as a BPMN error, or ends the case when the diagram sets
 * "Fejlkode ved afvisning". The order carries the task's idempotency key, so a retry orders one card.
 */
@Component("cardIssuerOrderConnector")
class CardIssuerOrderConnector extends Connector {

    static final ConnectorInput EMPLOYEE_NUMBER = ConnectorInput.required("employeeNumber");
    static final ConnectorInput MONTHLY_LIMIT = ConnectorInput.required("monthlyLimit");
    static final ConnectorInput REFERENCE = ConnectorInput.required("reference");
    static final List<ConnectorInput> INPUTS = List.of(EMPLOYEE_NUMBER, MONTHLY_LIMIT, REFERENCE, REFUSAL_ERROR_CODE, RESULT_VARIABLE);

    private final CardIssuerPort cardIssuer;

    CardIssuerOrderConnector(CardIssuerPort cardIssuer) {
        super(INPUTS, Effect.MOVES_MONEY);
        this.cardIssuer = cardIssuer;
    }

    @Override
    protected void run(DelegateExecution execution) {
        BigDecimal limit = new BigDecimal(MONTHLY_LIMIT.text(execution).trim()).setScale(2, RoundingMode.HALF_UP);
        CardIssuerPort.CardOrder order = new CardIssuerPort.CardOrder(EMPLOYEE_NUMBER.text(execution).trim(), limit,
                REFERENCE.text(execution));
        result(execution, cardIssuer.order(order, IdempotencyKeys.of(execution)).cardId());
    }
}
