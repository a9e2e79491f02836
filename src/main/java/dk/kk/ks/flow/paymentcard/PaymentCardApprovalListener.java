package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.intake.CaseVariables;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.FourEyes;
import dk.kk.ks.flow.platform.FourEyesRefusal;

/**
 * On completing "Godkend betalingskort" (the manager's approval) and "Godkend kortgrænse" (the
 * approvals the limit needs): enforced by the engine, whatever the client. The manager's approval is
 * given only by the person it is assigned to; nobody approves their own card or a card they ordered,
 * nobody gives two approvals of one card, and a rejection needs a comment (and ends the case REJECTED).
 */
@Component("paymentCardApproval")
class PaymentCardApprovalListener extends CompletionRules {

    static final String MANAGER_APPROVAL = "Task_ApproveManager";
    static final String REJECTED_BY_APPROVER = "REJECTED_BY_APPROVER";

    @Override
    protected void created(DelegateTask task) {
        FourEyes.startBlank(task, APPROVED, COMMENT);
    }

    @Override
    protected void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        if (MANAGER_APPROVAL.equals(task.getTaskDefinitionKey()) && !user.equals(task.getAssignee())) {
            throw new FourEyesRefusal(task.getAssignee() == null
                    ? "Opgaven er ikke tildelt nogen: lederens godkendelse gives af den leder, opgaven er tildelt."
                    : "Lederens godkendelse gives af " + task.getAssignee() + ", som opgaven er tildelt; du kan ikke godkende den.");
        }
        if (user.equals(EMPLOYEE_USER_ID.get(task))) {
            throw new FourEyesRefusal("Du kan ikke godkende dit eget betalingskort.");
        }
        FourEyes.notTheRequester(user, REQUESTED_BY.get(task), "Du kan ikke godkende et betalingskort, som du selv har bestilt.");
        List<String> approvals = new ArrayList<>(orEmpty(APPROVALS.get(task)));
        if (approvals.contains(user)) {
            throw new FourEyesRefusal("Du har allerede godkendt dette betalingskort; næste godkendelse skal gives af en anden.");
        }
        if (!FourEyes.decision(APPROVED.get(task), COMMENT.get(task))) {
            List<String> reasons = new ArrayList<>(orEmpty(CaseVariables.REASONS.get(task)));
            reasons.add(REJECTED_BY_APPROVER);
            CaseVariables.OUTCOME.set(task.getExecution(), "REJECTED");
            CaseVariables.REASONS.set(task.getExecution(), reasons);
            return;
        }
        approvals.add(user);
        APPROVALS.set(task.getExecution(), approvals);
    }

    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
