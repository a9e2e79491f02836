package dk.kk.ks.flow.platform;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rules every approval or review task shares, for the case types' task listeners: who is completing
 * the task, that it is not the person who asked for the case nor one who approved it before (both read from
 * {@link ApprovalFacts}, not from variables), and that a decision was made (a rejection with a reason). Each
 * refusal is a {@link TaskRefusal} with a Danish message; the task stays open.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** The logged-in user completing the task; without one (a technical call), the task's assignee. */
    public static String completingUser(DelegateTask task) {
        String user = CompletionRules.userOf(task);
        if (user == null) {
            throw new FourEyesRefusal("Godkendelsen kræver en kendt bruger: tag opgaven, før du godkender.");
        }
        return user;
    }

    /**
     * Whether two user ids name the same person. Ids are compared without regard to case: with sign-in through the
     * identity provider the id is a user principal name ("Anna.Andersen@kk.dk"), which ServiceNow may send in
     * another case than the token carries, and the engine's own user table is case-insensitive on some databases.
     */
    public static boolean samePerson(String userId, String otherUserId) {
        return userId != null && userId.equalsIgnoreCase(otherUserId);
    }

    /** Refuses with {@code refusal} when the completing user is the one who asked for the case. */
    public static void notTheRequester(String user, String requester, String refusal) {
        if (samePerson(user, requester)) {
            throw new FourEyesRefusal(refusal);
        }
    }

    /** The recorded requester of the task's case (never the variable: a completion could send that). */
    public static String requester(ApprovalFacts facts, DelegateTask task) {
        return facts.require(task.getProcessInstanceId(), ApprovalFacts.Fact.REQUESTED_BY);
    }

    /** Refuses with {@code refusal} when the user has already given an approval of the task's case. */
    public static void notApprovedBefore(ApprovalFacts facts, DelegateTask task, String user, String refusal) {
        if (facts.approvals(task.getProcessInstanceId()).stream().anyMatch(approver -> samePerson(approver, user))) {
            throw new FourEyesRefusal(refusal);
        }
    }

    /** Records the user's approval of the task's step; returns every approval of the case so far, in order. */
    public static List<String> recordApproval(ApprovalFacts facts, DelegateTask task, String user) {
        facts.recordApproval(task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(), user);
        return facts.approvals(task.getProcessInstanceId());
    }

    /** The decision of the form: approved or not; a rejection needs a comment. */
    public static boolean decision(Boolean approved, String comment) {
        if (approved == null) {
            throw new ValidationRefusal("Vælg godkend eller afvis.");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new ValidationRefusal("Skriv en begrundelse for afvisningen.");
        }
        return approved;
    }

    /** On a task's creation: the form starts blank, whatever an earlier decision on the case left behind. */
    public static void startBlank(DelegateTask task, Var<?>... decisionVariables) {
        for (Var<?> variable : decisionVariables) {
            task.getExecution().removeVariable(variable.name());
        }
    }
}
