package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.REFUSAL_ERROR_CODE;
import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;

/**
 * "Opus Debitor: registrer udbetaling": the payout request (debtor, payee, amount in kroner, reason and the case's
 * reference), pending release; the result is Opus's payout id. Opus's refusal (a blocked debtor: DEBTOR_BLOCKED) is a
 * BPMN error with its code, or ends the case when the diagram sets {@code refusalErrorCode}.
 */
@Component("opusDebitorRegisterConnector")
class OpusDebitorRegisterConnector extends Connector {

    static final ConnectorInput DEBTOR_NUMBER = ConnectorInput.required("debtorNumber");
    static final ConnectorInput PAYEE = ConnectorInput.required("payee");
    static final ConnectorInput AMOUNT = ConnectorInput.required("amount");
    static final ConnectorInput REASON = ConnectorInput.required("reason");
    static final ConnectorInput CASE_REFERENCE = ConnectorInput.required("caseReference");
    static final List<ConnectorInput> INPUTS = List.of(DEBTOR_NUMBER, PAYEE, AMOUNT, REASON, CASE_REFERENCE,
            REFUSAL_ERROR_CODE, RESULT_VARIABLE);

    private final OpusDebitorPort opus;

    OpusDebitorRegisterConnector(OpusDebitorPort opus) {
        super(INPUTS, Effect.MOVES_MONEY);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        OpusDebitorPort.PayoutRequest request = new OpusDebitorPort.PayoutRequest(
                DEBTOR_NUMBER.text(execution),
                PAYEE.text(execution),
                KronerInput.of(AMOUNT, execution),
                REASON.text(execution),
                CASE_REFERENCE.text(execution));
        result(execution, opus.register(request, IdempotencyKeys.of(execution)).payoutId());
    }
}
