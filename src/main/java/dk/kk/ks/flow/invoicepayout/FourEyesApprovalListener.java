package dk.kk.ks.flow.invoicepayout;

import static dk.kk.ks.flow.invoicepayout.InvoicePayoutVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.ApprovalFacts;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.FourEyes;

/**
 * On completing "Godkend udbetaling": the four-eyes rule, enforced by the engine whatever the client.
 * Nobody approves a payout they requested, nobody gives two approvals of one payout, and a rejection
 * needs a comment. A refusal leaves the task open. Who requested the payout and who approved it so far are
 * read from {@link ApprovalFacts}; the variable {@code approvedBy} only shows them.
 */
@Component("fourEyesApproval")
class FourEyesApprovalListener extends CompletionRules {

    private final ApprovalFacts facts;

    FourEyesApprovalListener(ApprovalFacts facts) {
        this.facts = facts;
    }

    @Override
    protected void created(DelegateTask task) {
        // Each approval starts blank: the previous approver's decision is in the history, not in the form.
        FourEyes.startBlank(task, APPROVED, COMMENT);
    }

    @Override
    protected void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        FourEyes.notTheRequester(user, FourEyes.requester(facts, task),
                "Du kan ikke godkende en udbetaling, som du selv har anmodet om.");
        FourEyes.notApprovedBefore(facts, task, user,
                "Du har allerede godkendt denne udbetaling; næste godkendelse skal gives af en anden.");
        if (!FourEyes.decision(APPROVED.get(task), COMMENT.get(task))) {
            return;
        }
        APPROVED_BY.set(task.getExecution(), FourEyes.recordApproval(facts, task, user));
    }
}
