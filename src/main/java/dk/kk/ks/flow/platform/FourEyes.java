package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rules every approval or review task shares, for the case types' task listeners: who is completing
 * the task, that it is not the person who asked for the case, and that a decision was made (a rejection
 * with a reason). Each refusal is a {@link TaskRefusal} with a Danish message; the task stays open.
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

    /** Refuses with {@code refusal} when the completing user is the one who asked for the case. */
    public static void notTheRequester(String user, String requester, String refusal) {
        if (user.equals(requester)) {
            throw new FourEyesRefusal(refusal);
        }
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
