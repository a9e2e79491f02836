package dk.kk.ks.flow.invoicepayout;

import static dk.kk.ks.flow.invoicepayout.InvoicePayoutVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.FourEyes;
import dk.kk.ks.flow.platform.FourEyesRefusal;

/**
 * On completing "Godkend udbetaling": the four-eyes rule, enforced by the engine whatever the client.
 * Nobody approves a payout they requested, nobody gives two approvals of one payout, and a rejection
 * needs a comment. A refusal leaves the task open.
 */
@Component("fourEyesApproval")
class FourEyesApprovalListener extends CompletionRules {

    @Override
    protected void created(DelegateTask task) {
        // Each approval starts blank: the previous approver's decision is in the history, not in the form.
        FourEyes.startBlank(task, APPROVED, COMMENT);
    }

    @Override
    protected void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        FourEyes.notTheRequester(user, REQUESTED_BY.get(task),
                "Du kan ikke godkende en udbetaling, som du selv har anmodet om.");
        List<String> approvedBy = new ArrayList<>(orEmpty(APPROVED_BY.get(task)));
        if (approvedBy.contains(user)) {
            throw new FourEyesRefusal("Du har allerede godkendt denne udbetaling; næste godkendelse skal gives af en anden.");
        }
        if (!FourEyes.decision(APPROVED.get(task), COMMENT.get(task))) {
            return;
        }
        approvedBy.add(user);
        APPROVED_BY.set(task.getExecution(), approvedBy);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
