package dk.kk.ks.flow.connectors;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;

/**
 * "Opus Debitor: frigiv udbetaling": the registered payout is paid, by Opus's payout id. Opus's refusal (an unknown
 * payout, or one no longer registered) is an incident for operations, not a BPMN error: the payout in Opus no
 * longer matches the case, which no branch of a diagram can put right.
 */
@Component("opusDebitorReleaseConnector")
class OpusDebitorReleaseConnector extends Connector {

    static final ConnectorInput PAYOUT_ID = ConnectorInput.required("payoutId");
    static final List<ConnectorInput> INPUTS = List.of(PAYOUT_ID);

    private final OpusDebitorPort opus;

    OpusDebitorReleaseConnector(OpusDebitorPort opus) {
        super(INPUTS, Effect.MOVES_MONEY);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        try {
            opus.release(PAYOUT_ID.text(execution).trim(), IdempotencyKeys.of(execution));
        } catch (ExternalRejectionException refused) {
            throw new IllegalStateException("Opus Debitor refused to release the payout: " + refused.code(), refused);
        }
    }
}
