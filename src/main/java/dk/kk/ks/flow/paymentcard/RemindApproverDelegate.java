package dk.kk.ks.flow.paymentcard;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.notifications.TaskNotifications;

/**
 * "Påmind godkender": the approval has waited too long. The open task of the case (the manager's
 * approval, the limit approval, or the caseworker's step) is raised to high priority, so Tasklist sorts
 * and marks it, whoever has it is reminded by e-mail, and the reminder is counted on the case.
 */
@Component("remindPaymentCardApprover")
class RemindApproverDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RemindApproverDelegate.class);
    static final int REMINDED_PRIORITY = 80;

    private final TaskService taskService;
    private final TaskNotifications notifications;

    RemindApproverDelegate(TaskService taskService, TaskNotifications notifications) {
        this.taskService = taskService;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer sent = PaymentCardVariables.REMINDERS.get(execution);
        int reminder = sent == null ? 1 : sent + 1;
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list()) {
            taskService.setPriority(task.getId(), REMINDED_PRIORITY);
            notifications.remind(task, reminder);
        }
        PaymentCardVariables.REMINDERS.set(execution, reminder);
        log.info("Reminded the approver of payment-card case {}", execution.getProcessInstanceId());
    }
}
