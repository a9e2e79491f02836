package dk.kk.ks.flow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a person may hand the process when finishing a task, checked in the engine's task and form services,
 * so it holds for /engine-rest, Tasklist's API and the Java API alike (a call without a logged-in user is
 * the application's own, and is not checked):
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

    /**
     * Completes the task with what the form lets the logged-in person set, refusing anything else. The check reads the
     * task, its form and its current values in an engine command of its own, before the completion's. Both in one
     * transaction was tried and dropped: in the benchmark PostgreSQL's work a case rose by a third, every statement on
     * the runtime tables slower, for a reason not pinned down (README, "Ydeevne"). Without
     * a logged-in user or variables nothing is checked (the application's own calls), and the completion runs as it
     * would.
     */
    private <T> T checked(String taskId, Map<String, Object> variables, Function<Map<String, Object>, T> completion) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user == null || variables == null || variables.isEmpty()) {
            return completion.apply(variables);
        }
        VariableMap allowed = engine.getCommandExecutorTxRequired()
                .execute(commandContext -> allowed(commandContext, user, taskId, variables));
        return completion.apply(allowed);
    }

    /** The variables to complete the task with: those the form lets the person set; anything else is refused. */
    private VariableMap allowed(CommandContext commandContext, Authentication user, String taskId, Map<String, Object> variables) {
        VariableMap submitted = typed(variables);
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return submitted; // the completion answers that there is no such task
        }
        // The engine's own check of the completion, first: who may not work on the task learns nothing of its form or
        // its values from the answer (equal or not), and who may is checked however the right was granted.
        engine.getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
        TaskForm form = formOf(commandContext, taskId);
        VariableMap allowed = Variables.createVariables();
        for (String name : submitted.keySet()) {
            TaskForm.Field field = form.field(name).orElse(null);
            if (field == null) {
                throw refused(user, task, name);
            }
            if (!field.readOnly()) {
                allowed.putValueTyped(name, submitted.getValueTyped(name));
            } else if (!field.unchanged(TaskForm.plain(task.getVariableTyped(name, false)), TaskForm.plain(submitted.getValueTyped(name)))) {
                throw refused(user, task, name);
            }
        }
        return allowed;
    }

    /** Refuses, as the engine refuses a missing permission, unless the logged-in user may update the task. */
    void requireUpdate(String taskId) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user != null && !engine.getAuthorizationService().isUserAuthorized(user.getUserId(), user.getGroupIds(),
                Permissions.UPDATE, Resources.TASK, taskId)) {
            throw new AuthorizationException(user.getUserId(), Permissions.UPDATE.getName(), Resources.TASK.resourceName(), taskId);
        }
    }

    /**
     * The task's Camunda Form, read as the engine's command reads it but within the check's command and without its
     * interceptors: a task with no form is an answer here (no field may be set), not a failed nested command that
     * would mark a surrounding transaction for rollback.
     */
    private static TaskForm formOf(CommandContext commandContext, String taskId) {
        try (InputStream form = commandContext.runWithoutAuthorization(new GetDeployedTaskFormCmd(taskId))) {
            return TaskForm.parse(form);
        } catch (BadUserRequestException noCamundaForm) { // also NotFoundException: no form is found
            return TaskForm.none();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the form of task " + taskId, unreadable);
        }
    }

    /** The submitted variables, typed: as sent when they are, else each as an untyped value. */
    private static VariableMap typed(Map<String, Object> variables) {
        if (variables instanceof VariableMap typed) {
            return typed;
        }
        VariableMap typed = Variables.createVariables();
        variables.forEach((name, value) -> typed.putValueTyped(name, Variables.untypedValue(value)));
        return typed;
    }

    private static ValidationRefusal refused(Authentication user, TaskEntity task, String name) {
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
                checked(taskId, variables, allowed -> {
                    super.complete(taskId, allowed);
                    return null;
                });
            }

            @Override
            public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
                return checked(taskId, variables, allowed -> super.completeWithVariablesInReturn(taskId, allowed, deserializeValues));
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
                checked(taskId, properties, allowed -> {
                    super.submitTaskForm(taskId, allowed);
                    return null;
                });
            }

            @Override
            public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
                return checked(taskId, properties, allowed -> super.submitTaskFormWithVariablesInReturn(taskId, allowed, deserializeValues));
            }
        };
    }
}
