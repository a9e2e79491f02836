package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The one four-eyes mechanism of every approval and review task ({@code create} and {@code complete} listener): the
 * form starts blank, the completing user is known, the case type's rules on who may decide hold ({@link #mayDecide},
 * with {@link FourEyes} and {@link ApprovalFacts}), and a decision was made (a rejection with a reason); then the
 * case type applies the decision ({@link #decided}). A refusal is a {@link TaskRefusal} and leaves the task open.
 */
public abstract class ApprovalListener extends CompletionRules {

    private final Var<Boolean> approved;
    private final Var<String> comment;

    /** @param approved the form's decision field, @param comment the form's reason field */
    protected ApprovalListener(Var<Boolean> approved, Var<String> comment) {
        this.approved = approved;
        this.comment = comment;
    }

    @Override
    protected final void created(DelegateTask task) {
        // Each decision starts blank: an earlier decision on the case is in the history, not in the form.
        FourEyes.startBlank(task, approved, comment);
    }

    @Override
    protected final void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        mayDecide(task, user);
        decided(task, user, FourEyes.decision(approved.get(task), comment.get(task)));
    }

    /** Refuses (a {@link FourEyesRefusal}) a user who may not decide this task; by default anyone may. */
    protected void mayDecide(DelegateTask task, String user) {
    }

    /** Applies the decision: {@code approved}, or rejected with a reason. */
    protected abstract void decided(DelegateTask task, String user, boolean approved);
}
