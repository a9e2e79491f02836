package dk.kk.ks.flow.invoicepayout;

import static dk.kk.ks.flow.invoicepayout.InvoicePayoutVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;

/** "Registrer udbetaling i Opus Debitor": the payout request, pending approval. Opus's refusal ends the case REJECTED. */
@Component("registerPayout")
class RegisterPayoutDelegate implements JavaDelegate {

    static final String PAYOUT_REFUSED = "PAYOUT_REFUSED";

    private final OpusDebitorPort opus;

    RegisterPayoutDelegate(OpusDebitorPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpusDebitorPort.PayoutRequest request = new OpusDebitorPort.PayoutRequest(
                DEBTOR_NUMBER.require(execution),
                PAYEE.require(execution),
                BigDecimal.valueOf(AMOUNT.require(execution)).setScale(2, RoundingMode.HALF_UP),
                REASON.require(execution),
                execution.getProcessBusinessKey());
        try {
            OPUS_PAYOUT_ID.set(execution, opus.register(request, IdempotencyKeys.of(execution)).payoutId());
        } catch (ExternalRejectionException refused) {
            throw CaseOutcome.refusal(execution, PAYOUT_REFUSED, List.of(refused.code()));
        }
    }
}
