package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The rules every approval or review task shares, for the case types' task listeners: who is completing
 * the task, that it is not the person who asked for the case, and that a decision was made (a rejection
 * with a reason). Each refusal is a FourEyesViolationException with a Danish message; the task stays open.
 */
@Component
public class FourEyes {

    private final IdentityService identityService;

    FourEyes(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The logged-in user completing the task; without one (a technical call), the task's assignee. */
    public String completingUser(DelegateTask task) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw new FourEyesViolationException("Godkendelsen kræver en kendt bruger: tag opgaven, før du godkender.");
    }

    /** Refuses with {@code refusal} when the completing user is the one who asked for the case. */
    public static void notTheRequester(String user, String requester, String refusal) {
        if (user.equals(requester)) {
            throw new FourEyesViolationException(refusal);
        }
    }

    /** The decision of the form: approved or not; a rejection needs a comment. */
    public static boolean decision(Boolean approved, String comment) {
        if (approved == null) {
            throw new FourEyesViolationException("Vælg godkend eller afvis.");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new FourEyesViolationException("Skriv en begrundelse for afvisningen.");
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
