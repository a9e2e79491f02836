package dk.kk.ks.flow.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the e-mails that tell people about their work, in the outbox, inside the engine's transaction:
 * <ul>
 *   <li>a task is created: everyone who may complete it (Recipients) is told once ({@link #notify}, added to every user
 *   task of every diagram by {@link NotificationPlugin});</li>
 *   <li>a task is assigned to someone by someone else (not when people take a task themselves): the assignee;</li>
 *   <li>a reminder timer fires: the same people again, once per reminder ({@link #remind});</li>
 *   <li>something happened to a case that people should know ({@link #tellAboutCase}).</li>
 * </ul>
 * Each e-mail is recorded once per task (or case), reason and recipient, so a step that runs again adds nothing. A
 * failure to work out the recipients (the identity service down) is logged and the case goes on without the e-mail.
 */
@Component
public class TaskNotifications implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskNotifications.class);

    private final Outbox outbox;
    private final Recipients recipients;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final FourEyesExclusions exclusions;
    private final NotificationProperties properties;

    TaskNotifications(Outbox outbox, Recipients recipients, IdentityService identityService, TaskService taskService,
                      NotificationProperties properties, FourEyesExclusions exclusions) {
        this.exclusions = exclusions;
        this.outbox = outbox;
        this.recipients = recipients;
        this.identityService = identityService;
        this.taskService = taskService;
        this.properties = properties;
    }

    /** The case notices that are not about a waiting task. */
    public enum CaseNotice {
        /** The approval went to the manager's manager, because the requester is the employee's manager. */
        ESCALATED,
        /** The case expired without a decision. */
        EXPIRED
    }

    @Override
    public void notify(DelegateTask task) {
        if (!properties.enabled()) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            List<String> users = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (IdentityLink link : task.getCandidates()) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            record(task.getId(), task.getProcessInstanceId(), Outbox.Kind.TASK, "TASK", task.getAssignee(), users, groups,
                    () -> exclusions.of(task.getProcessInstanceId()));
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
                && !task.getAssignee().equals(currentUser())) {
            // Somebody else gave the task to the assignee (a person taking a task knows it already).
            record(task.getId(), task.getProcessInstanceId(), Outbox.Kind.TASK, "TASK", task.getAssignee(), List.of(), List.of(),
                    () -> exclusions.of(task.getProcessInstanceId()));
        }
    }

    /**
     * The {@code reminder}-th reminder of an open task: its assignee, or everyone who may take it, is told again.
     * Call from the reminder timer's step, in its transaction.
     */
    public void remind(Task task, int reminder) {
        if (!properties.enabled()) {
            return;
        }
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        record(task.getId(), task.getProcessInstanceId(), Outbox.Kind.REMINDER, "REMINDER-" + reminder, task.getAssignee(), users, groups,
                () -> exclusions.of(task.getProcessInstanceId()));
    }

    /** Tells the people (user ids; unknown ones and people without an address are skipped) about the case, once each. */
    public void tellAboutCase(DelegateExecution execution, CaseNotice notice, Collection<String> userIds) {
        if (!properties.enabled()) {
            return;
        }
        String caseId = execution.getProcessInstanceId();
        List<Recipient> people;
        try {
            people = recipients.people(userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList());
        } catch (RuntimeException e) {
            log.warn("Could not look up who to tell about case {} ({}); no e-mail: {}", caseId, notice, e.toString());
            return;
        }
        for (Recipient person : people) {
            outbox.record(caseId + ":" + notice + ":" + person.address(), Outbox.Kind.valueOf(notice.name()), person, caseId, null, false);
        }
    }

    private void record(String taskId, String caseId, Outbox.Kind kind, String reason, String assignee, Collection<String> users,
                        Collection<String> groups, java.util.function.Supplier<Set<String>> excluded) {
        List<Recipient> found;
        try {
            found = recipients.forTask(assignee, users, groups, excluded.get());
        } catch (RuntimeException e) {
            log.warn("Could not look up who to tell about task {} of case {}; no e-mail: {}", taskId, caseId, e.toString());
            return;
        }
        for (Recipient recipient : found) {
            outbox.record(taskId + ":" + reason + ":" + recipient.address(), kind, recipient, caseId, taskId, recipient.digest());
        }
    }

    private String currentUser() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
