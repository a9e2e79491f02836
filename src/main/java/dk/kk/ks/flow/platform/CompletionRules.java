package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task listener that checks and applies the decision made when a task is completed, and may prepare
 * the task when it is created. A rule that refuses the completion throws a {@link TaskRefusal}; this
 * class logs it as one WARN line (who, which task, the Danish reason) and passes it on, so the engine
 * leaves the task open and the person who tried sees the reason.
 */
public abstract class CompletionRules implements TaskListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionRules.class);

    @Override
    public final void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
            return;
        }
        try {
            completing(task);
        } catch (TaskRefusal refusal) {
            logRefused(userOf(task), task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), refusal);
            throw refusal;
        }
    }

    /** The one WARN line of a refused completion: who, which task of which case, and the Danish reason. */
    static void logRefused(String user, String taskId, String step, String caseId, TaskRefusal refusal) {
        LOG.warn("Task completion refused: user {}, task {} ({}) of case {}: {}", user, taskId, step, caseId,
                oneLine(refusal.getMessage()));
    }

    /** When the task is created; by default nothing. */
    protected void created(DelegateTask task) {
    }

    /** When the task is completed: checks the decision (throwing a {@link TaskRefusal}) and applies it. */
    protected abstract void completing(DelegateTask task);

    /** The logged-in user completing the task; without one (a technical call), the task's assignee; else null. */
    static String userOf(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /** A reason may quote what was typed into the form: no line breaks into the log. */
    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", " ");
    }
}
