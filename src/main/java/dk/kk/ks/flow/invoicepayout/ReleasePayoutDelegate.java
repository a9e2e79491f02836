package dk.kk.ks.flow.invoicepayout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;

/** "Frigiv udbetaling i Opus Debitor": the payout is paid. */
@Component("releasePayout")
class ReleasePayoutDelegate implements JavaDelegate {

    private final OpusDebitorPort opus;

    ReleasePayoutDelegate(OpusDebitorPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opus.release(InvoicePayoutVariables.OPUS_PAYOUT_ID.require(execution), IdempotencyKeys.of(execution));
        CaseOutcome.set(execution, Outcome.PAID);
    }
}
