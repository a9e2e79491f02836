package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.ApprovalFacts;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.FourEyes;
import dk.kk.ks.flow.platform.FourEyesRefusal;
import dk.kk.ks.flow.platform.ValidationRefusal;

/**
 * On completing "Udpeg godkender" (KS Økonomi, when Opus names no manager who can approve): the
 * caseworker appoints the approver, a known user who is neither the requester nor the employee, or
 * rejects the order with a comment (REJECTED_BY_CASEWORKER). Neither the requester nor the employee
 * can do this step. The appointed approver is recorded in {@link ApprovalFacts}: the manager's approval checks it.
 */
@Component("assignPaymentCardApprover")
class AssignApproverListener extends CompletionRules {

    static final String ASSIGN = "ASSIGN";
    static final String REJECT = "REJECT";

    private final KnownUsers knownUsers;
    private final ApprovalFacts facts;

    AssignApproverListener(KnownUsers knownUsers, ApprovalFacts facts) {
        this.knownUsers = knownUsers;
        this.facts = facts;
    }

    @Override
    protected void created(DelegateTask task) {
        FourEyes.startBlank(task, ASSIGNMENT, APPROVER_USER_ID, COMMENT);
    }

    @Override
    protected void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        String requester = FourEyes.requester(facts, task);
        String employee = facts.find(task.getProcessInstanceId(), ApprovalFacts.Fact.EMPLOYEE_USER_ID).orElse(null);
        FourEyes.notTheRequester(user, requester, "Du kan ikke udpege godkenderen af et betalingskort, som du selv har bestilt.");
        if (FourEyes.samePerson(user, employee)) {
            throw new FourEyesRefusal("Du kan ikke udpege godkenderen af dit eget betalingskort.");
        }
        String assignment = ASSIGNMENT.get(task);
        if (ASSIGN.equals(assignment)) {
            String approver = appointed(APPROVER_USER_ID.get(task), requester, employee);
            if (FourEyes.samePerson(approver, user)) {
                throw new FourEyesRefusal("Du kan ikke udpege dig selv som godkender: en anden skal godkende kortet.");
            }
            facts.record(task.getProcessInstanceId(), ApprovalFacts.Fact.APPROVER, approver);
            APPROVER.set(task.getExecution(), approver);
            APPROVER_FOUND.set(task.getExecution(), true);
        } else if (REJECT.equals(assignment)) {
            FourEyes.decision(false, COMMENT.get(task));
            APPROVED.set(task.getExecution(), false);
            CaseOutcome.reject(task.getExecution(), Reason.REJECTED_BY_CASEWORKER);
        } else {
            throw new ValidationRefusal("Vælg: udpeg en godkender, eller afvis bestillingen.");
        }
    }

    private String appointed(String typed, String requester, String employee) {
        String approver = typed == null ? "" : typed.trim();
        if (approver.isEmpty()) {
            throw new ValidationRefusal("Angiv godkenderens bruger-id.");
        }
        if (!knownUsers.exists(approver)) {
            throw new ValidationRefusal("Der findes ingen bruger med bruger-id '" + approver + "'.");
        }
        if (FourEyes.samePerson(approver, requester)) {
            throw new ValidationRefusal("Godkenderen må ikke være den, der har bestilt kortet.");
        }
        if (FourEyes.samePerson(approver, employee)) {
            throw new ValidationRefusal("Godkenderen må ikke være medarbejderen selv.");
        }
        return approver;
    }
}
