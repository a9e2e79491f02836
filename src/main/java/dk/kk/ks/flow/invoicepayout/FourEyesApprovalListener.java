package dk.kk.ks.flow.invoicepayout;

import static dk.kk.ks.flow.invoicepayout.InvoicePayoutVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.FourEyesViolationException;

/**
 * On completing "Godkend udbetaling": the four-eyes rule, enforced by the engine whatever the client.
 * Nobody approves a payout they requested, nobody gives two approvals of one payout, and a rejection
 * needs a comment. A refusal leaves the task open.
 */
@Component("fourEyesApproval")
class FourEyesApprovalListener implements TaskListener {

    private final IdentityService identityService;

    FourEyesApprovalListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            // Each approval starts blank: the previous approver's decision is in the history, not in the form.
            task.getExecution().removeVariable(APPROVED.name());
            task.getExecution().removeVariable(COMMENT.name());
            return;
        }
        String user = completingUser(task);
        if (user == null) {
            throw new FourEyesViolationException("Godkendelsen kræver en kendt bruger: tag opgaven, før du godkender.");
        }
        if (user.equals(REQUESTED_BY.get(task))) {
            throw new FourEyesViolationException("Du kan ikke godkende en udbetaling, som du selv har anmodet om.");
        }
        List<String> approvedBy = new ArrayList<>(orEmpty(APPROVED_BY.get(task)));
        if (approvedBy.contains(user)) {
            throw new FourEyesViolationException("Du har allerede godkendt denne udbetaling; næste godkendelse skal gives af en anden.");
        }
        Boolean approved = APPROVED.get(task);
        if (approved == null) {
            throw new FourEyesViolationException("Vælg godkend eller afvis.");
        }
        if (!approved) {
            String comment = COMMENT.get(task);
            if (comment == null || comment.isBlank()) {
                throw new FourEyesViolationException("Skriv en begrundelse for afvisningen.");
            }
            return;
        }
        approvedBy.add(user);
        APPROVED_BY.set(task.getExecution(), approvedBy);
    }

    /** The logged-in user completing the task; without one (a technical call), the task's assignee. */
    private String completingUser(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
