package dk.kk.ks.flow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person may hand the process when finishing a task, checked in the engine's task and form services,
 * so it holds for /engine-rest, Tasklist's API and the Java API alike (a call without a logged-in user is
 * the application's own, and is not checked; the check reads the task, its form and its values in transactions of
 * their own before the completion's; one transaction for all of it was tried and dropped, on benchmark runs later found
 * to be confounded by plans made on emptied tables, so which costs less is open, see the README's "Ydeevne"):
 * <ul>
 * <li>completing a task ({@code complete}, {@code submit-form}) sets only the fields of the task's Camunda
 * Form; a read-only field may be sent back as shown, and is then not written; any other variable, or a changed
 * read-only field, is a {@link ValidationRefusal} (400) and the task stays open;</li>
 * <li>ending a task with a BPMN error or escalation (which skips its completion rules), or resolving it with
 * variables, needs UPDATE on the task, which only administrators have (approvers work on their tasks with
 * TASK_WORK).</li>
 * </ul>
 */
final class CompletionGuard {

    private static final int SHOWN_NAME_LENGTH = 60;

    private final ProcessEngineConfigurationImpl engine;

    CompletionGuard(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** The variables to complete the task with: those the form lets the person set; anything else is refused. */
    Map<String, Object> completion(String taskId, Map<String, Object> variables) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user == null || variables == null || variables.isEmpty()) {
            return variables;
        }
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            requireNoSuchTask(user, taskId);
            return variables; // no such task: completing answers so
        }
        TaskForm form = formOf(taskId);
        VariableMap current = engine.getTaskService().getVariablesTyped(taskId, variables.keySet(), false);
        VariableMap allowed = Variables.createVariables();
        for (String name : variables.keySet()) {
            TypedValue submitted = typed(variables, name);
            TaskForm.Field field = form.field(name).orElse(null);
            if (field == null) {
                throw refused(user, task, name);
            }
            if (!field.readOnly()) {
                allowed.putValueTyped(name, submitted);
            } else if (!field.unchanged(TaskForm.plain(current.getValueTyped(name)), TaskForm.plain(submitted))) {
                throw refused(user, task, name);
            }
        }
        return allowed;
    }

    /**
     * A task the person cannot see may still exist, and a right to work on it may have been granted without the right to
     * read it (TASK_WORK on the process definition): its variables are then refused as a missing permission is, never
     * let through unchecked. Whoever asks gets the same answer whatever they send, so it tells nothing of the form or
     * of the case's values.
     */
    private void requireNoSuchTask(Authentication user, String taskId) {
        boolean exists = engine.getCommandExecutorTxRequired()
                .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
        if (exists) {
            throw new AuthorizationException(user.getUserId(), Permissions.READ.getName(), Resources.TASK.resourceName(), taskId);
        }
    }

    /** Refuses, as the engine refuses a missing permission, unless the logged-in user may update the task. */
    void requireUpdate(String taskId) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user != null && !engine.getAuthorizationService().isUserAuthorized(user.getUserId(), user.getGroupIds(),
                Permissions.UPDATE, Resources.TASK, taskId)) {
            throw new AuthorizationException(user.getUserId(), Permissions.UPDATE.getName(), Resources.TASK.resourceName(), taskId);
        }
    }

    private TaskForm formOf(String taskId) {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
            return TaskForm.parse(form);
        } catch (BadUserRequestException noCamundaForm) { // also NotFoundException: no form is found
            return TaskForm.none();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the form of task " + taskId, unreadable);
        }
    }

    private static TypedValue typed(Map<String, Object> variables, String name) {
        return variables instanceof VariableMap typed ? typed.getValueTyped(name) : Variables.untypedValue(variables.get(name));
    }

    private static ValidationRefusal refused(Authentication user, Task task, String name) {
        ValidationRefusal refusal = new ValidationRefusal("Feltet " + shown(name) + " kan ikke ændres her.");
        CompletionRules.logRefused(user.getUserId(), task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), refusal);
        return refusal;
    }

    /** A variable name as the caller sent it, safe to show and log. */
    private static String shown(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", " ");
        return printable.length() <= SHOWN_NAME_LENGTH ? printable : printable.substring(0, SHOWN_NAME_LENGTH) + "...";
    }

    /** The task service of the engine, with the guard before every way of finishing a task with variables. */
    TaskServiceImpl taskService() {
        return new TaskServiceImpl() {
            @Override
            public void complete(String taskId, Map<String, Object> variables) {
                super.complete(taskId, completion(taskId, variables));
            }

            @Override
            public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
                return super.completeWithVariablesInReturn(taskId, completion(taskId, variables), deserializeValues);
            }

            @Override
            public void resolveTask(String taskId, Map<String, Object> variables) {
                if (variables != null && !variables.isEmpty()) {
                    requireUpdate(taskId);
                }
                super.resolveTask(taskId, variables);
            }

            @Override
            public void handleBpmnError(String taskId, String errorCode) {
                requireUpdate(taskId);
                super.handleBpmnError(taskId, errorCode);
            }

            @Override
            public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
                requireUpdate(taskId);
                super.handleBpmnError(taskId, errorCode, errorMessage);
            }

            @Override
            public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
                requireUpdate(taskId);
                super.handleBpmnError(taskId, errorCode, errorMessage, variables);
            }

            @Override
            public void handleEscalation(String taskId, String escalationCode) {
                requireUpdate(taskId);
                super.handleEscalation(taskId, escalationCode);
            }

            @Override
            public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
                requireUpdate(taskId);
                super.handleEscalation(taskId, escalationCode, variables);
            }
        };
    }

    /** The form service of the engine, with the guard before submitting a task's form (what Tasklist does). */
    FormServiceImpl formService() {
        return new FormServiceImpl() {
            @Override
            public void submitTaskForm(String taskId, Map<String, Object> properties) {
                super.submitTaskForm(taskId, completion(taskId, properties));
            }

            @Override
            public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
                return super.submitTaskFormWithVariablesInReturn(taskId, completion(taskId, properties), deserializeValues);
            }
        };
    }
}
