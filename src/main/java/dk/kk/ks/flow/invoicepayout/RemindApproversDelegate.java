package dk.kk.ks.flow.invoicepayout;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.notifications.TaskNotifications;

/**
 * "Påmind godkendere": an approval has waited too long. The open approval task is raised to high
 * priority (Tasklist sorts and marks it), everyone who may complete it is reminded by e-mail, and the
 * reminder is counted on the case.
 */
@Component("remindApprovers")
class RemindApproversDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RemindApproversDelegate.class);
    static final int REMINDED_PRIORITY = 80;

    private final TaskService taskService;
    private final TaskNotifications notifications;

    RemindApproversDelegate(TaskService taskService, TaskNotifications notifications) {
        this.taskService = taskService;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer sent = InvoicePayoutVariables.REMINDERS.get(execution);
        int reminder = sent == null ? 1 : sent + 1;
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list()) {
            taskService.setPriority(task.getId(), REMINDED_PRIORITY);
            notifications.remind(task, reminder);
        }
        InvoicePayoutVariables.REMINDERS.set(execution, reminder);
        log.info("Reminded approvers of case {}", execution.getProcessInstanceId());
    }
}
