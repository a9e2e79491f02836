package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.CaseVariables;
import dk.kk.ks.flow.notifications.TaskNotifications;
import dk.kk.ks.flow.platform.ApprovalFacts;

/**
 * "Find godkender i Opus": the employee and the manager who approves the card (ManagerLookup). An
 * employee unknown to Opus ends the case REJECTED (UNKNOWN_EMPLOYEE); a missing manager is recorded as
 * the reason for the caseworker's step "Udpeg godkender". When the requester is the manager, the manager's
 * manager approves and the requester is told so by e-mail. The requester is the one the case was started with;
 * the employee's user id and the approver are recorded in {@link ApprovalFacts} for the approval rules.
 */
@Component("findPaymentCardApprover")
class FindApproverDelegate implements JavaDelegate {

    private final ManagerLookup lookup;
    private final TaskNotifications notifications;
    private final ApprovalFacts facts;

    FindApproverDelegate(ManagerLookup lookup, TaskNotifications notifications, ApprovalFacts facts) {
        this.lookup = lookup;
        this.notifications = notifications;
        this.facts = facts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessInstanceId();
        String requester = facts.require(caseId, ApprovalFacts.Fact.REQUESTED_BY);
        ManagerLookup.Lookup found = lookup.approverFor(EMPLOYEE_NUMBER.require(execution), requester);
        if (found.employee() == null) {
            throw CaseOutcome.unknownEmployee(execution);
        }
        if (found.employee().userId() != null) {
            facts.record(caseId, ApprovalFacts.Fact.EMPLOYEE_USER_ID, found.employee().userId());
        }
        if (found.approver() != null) {
            facts.record(caseId, ApprovalFacts.Fact.APPROVER, found.approver());
        }
        EMPLOYEE_NAME.set(execution, found.employee().name());
        EMPLOYEE_USER_ID.set(execution, found.employee().userId());
        APPROVER.set(execution, found.approver());
        APPROVER_FOUND.set(execution, found.approver() != null);
        ESCALATED.set(execution, found.escalated());
        APPROVER_MISSING_TEXT.set(execution, missingText(found.missingReason()));
        if (found.missingReason() != null) {
            CaseVariables.REASONS.set(execution, List.of(found.missingReason()));
        }
        if (found.escalated() && found.approver() != null) {
            // The requester is the employee's manager: she is told that her own manager approves instead.
            notifications.tellAboutCase(execution, TaskNotifications.CaseNotice.ESCALATED, List.of(requester));
        }
    }

    static String missingText(String reason) {
        if (reason == null) {
            return null;
        }
        return ManagerLookup.NO_MANAGER_ABOVE_REQUESTER.equals(reason)
                ? "Bestilleren er medarbejderens leder, og Opus har ingen leder med en bruger over bestilleren."
                : "Opus har ingen leder med en bruger for medarbejderen.";
    }
}
