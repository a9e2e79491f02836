package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.ApprovalFacts;
import dk.kk.ks.flow.platform.ApprovalListener;
import dk.kk.ks.flow.platform.FourEyes;
import dk.kk.ks.flow.platform.FourEyesRefusal;

/**
 * On completing "Godkend betalingskort" (the manager's approval) and "Godkend kortgrænse" (the
 * approvals the limit needs): enforced by the engine, whatever the client. The manager's approval is
 * given only by the approver Opus or the caseworker named (not whoever the task is assigned to now); nobody
 * approves their own card or a card they ordered, nobody gives two approvals of one card, and a rejection
 * needs a comment (and ends the case REJECTED). Who is who, and the approvals so far, are read from
 * {@link ApprovalFacts}; the variable {@code approvals} only shows them.
 */
@Component("paymentCardApproval")
class PaymentCardApprovalListener extends ApprovalListener {

    static final String MANAGER_APPROVAL = "Task_ApproveManager";

    private final ApprovalFacts facts;

    PaymentCardApprovalListener(ApprovalFacts facts) {
        super(APPROVED, COMMENT);
        this.facts = facts;
    }

    @Override
    protected void mayDecide(DelegateTask task, String user) {
        String caseId = task.getProcessInstanceId();
        if (MANAGER_APPROVAL.equals(task.getTaskDefinitionKey())) {
            String approver = facts.require(caseId, ApprovalFacts.Fact.APPROVER);
            if (!user.equals(approver)) {
                throw new FourEyesRefusal("Lederens godkendelse gives af " + approver + "; du kan ikke godkende den.");
            }
        }
        if (user.equals(facts.find(caseId, ApprovalFacts.Fact.EMPLOYEE_USER_ID).orElse(null))) {
            throw new FourEyesRefusal("Du kan ikke godkende dit eget betalingskort.");
        }
        FourEyes.notTheRequester(user, FourEyes.requester(facts, task), "Du kan ikke godkende et betalingskort, som du selv har bestilt.");
        FourEyes.notApprovedBefore(facts, task, user,
                "Du har allerede godkendt dette betalingskort; næste godkendelse skal gives af en anden.");
    }

    @Override
    protected void decided(DelegateTask task, String user, boolean approved) {
        if (approved) {
            APPROVALS.set(task.getExecution(), FourEyes.recordApproval(facts, task, user));
        } else {
            CaseOutcome.reject(task.getExecution(), Reason.REJECTED_BY_APPROVER);
        }
    }
}
