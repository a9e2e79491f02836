package dk.kk.ks.flow.invoicepayout;

import static dk.kk.ks.flow.invoicepayout.InvoicePayoutVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.ApprovalFacts;
import dk.kk.ks.flow.platform.ApprovalListener;
import dk.kk.ks.flow.platform.FourEyes;

/**
 * On completing "Godkend udbetaling": the four-eyes rule, enforced by the engine whatever the client.
 * Nobody approves a payout they requested, nobody gives two approvals of one payout, and a rejection
 * needs a comment. A refusal leaves the task open. Who requested the payout and who approved it so far are
 * read from {@link ApprovalFacts}; the variable {@code approvedBy} only shows them.
 */
@Component("fourEyesApproval")
class FourEyesApprovalListener extends ApprovalListener {

    private final ApprovalFacts facts;

    FourEyesApprovalListener(ApprovalFacts facts) {
        super(APPROVED, COMMENT);
        this.facts = facts;
    }

    @Override
    protected void mayDecide(DelegateTask task, String user) {
        FourEyes.notTheRequester(user, FourEyes.requester(facts, task),
                "Du kan ikke godkende en udbetaling, som du selv har anmodet om.");
        FourEyes.notApprovedBefore(facts, task, user,
                "Du har allerede godkendt denne udbetaling; næste godkendelse skal gives af en anden.");
    }

    @Override
    protected void decided(DelegateTask task, String user, boolean approved) {
        if (approved) {
            APPROVED_BY.set(task.getExecution(), FourEyes.recordApproval(facts, task, user));
        }
    }
}
