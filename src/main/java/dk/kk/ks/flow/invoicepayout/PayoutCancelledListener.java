package dk.kk.ks.flow.invoicepayout;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;

/**
 * On "Udbetaling annulleret", after "Annuller udbetaling i Opus Debitor": the case ends REJECTED with the reason the
 * diagram set on the way there (REJECTED_BY_APPROVER or EXPIRED).
 */
@Component("payoutCancelled")
class PayoutCancelledListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        CaseOutcome.reject(execution, List.of(InvoicePayoutVariables.REJECTION_REASON.require(execution)));
    }
}
