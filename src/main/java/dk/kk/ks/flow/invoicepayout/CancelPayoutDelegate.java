package dk.kk.ks.flow.invoicepayout;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;

/** "Annuller udbetaling i Opus Debitor": rejected or expired; the reason was set in the diagram. */
@Component("cancelPayout")
class CancelPayoutDelegate implements JavaDelegate {

    private final OpusDebitorPort opus;

    CancelPayoutDelegate(OpusDebitorPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opus.cancel(InvoicePayoutVariables.OPUS_PAYOUT_ID.require(execution), IdempotencyKeys.of(execution));
        CaseOutcome.reject(execution, List.of(InvoicePayoutVariables.REJECTION_REASON.require(execution)));
    }
}
