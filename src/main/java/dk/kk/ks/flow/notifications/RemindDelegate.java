package dk.kk.ks.flow.notifications;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.Var;

/**
 * "Påmind godkender(e)", the one reminder of every case type ({@code camunda:delegateExpression="${remindApprovers}"}
 * on the service task a non-interrupting reminder timer leads to): a decision has waited too long. The case's open
 * tasks are raised to high priority (Tasklist sorts and marks them), everyone who may complete them is reminded by
 * e-mail, and the reminder is counted on the case ({@code remindersSent}).
 */
@Component("remindApprovers")
public class RemindDelegate implements JavaDelegate {

    /** The priority of a task whose case has been reminded (Camunda's default is 50). */
    public static final int REMINDED_PRIORITY = 80;

    private static final Logger log = LoggerFactory.getLogger(RemindDelegate.class);
    private static final Var<Integer> REMINDERS = Var.of("remindersSent", Integer.class);

    private final TaskService taskService;
    private final TaskNotifications notifications;

    RemindDelegate(TaskService taskService, TaskNotifications notifications) {
        this.taskService = taskService;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer sent = REMINDERS.get(execution);
        int reminder = sent == null ? 1 : sent + 1;
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list()) {
            taskService.setPriority(task.getId(), REMINDED_PRIORITY);
            notifications.remind(task, reminder);
        }
        REMINDERS.set(execution, reminder);
        log.info("Reminded the approvers of case {}", execution.getProcessInstanceId());
    }
}
