package dk.kk.ks.flow.notifications;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.Kroner;

/**
 * What an e-mail says about a task or a case, read from the engine when the e-mail is sent (so the outbox holds no
 * case data, and a task completed meanwhile is not announced): the case type in Danish, a short title (the task's name
 * and the case's ServiceNow record), the amount where the case type has one, and the deadline. Never the names, CPR
 * numbers or other personal data of the people the case is about.
 */
@Component
class CaseFacts {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** A task that still waits. */
    record WaitingTask(String id, String title, String caseType, String amountLabel, String amount, String deadline, String since,
                       String link) {
    }

    /** A case, for the notices that are not about a task. */
    record CaseSummary(String caseType, String title, String amountLabel, String amount) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final Links links;

    CaseFacts(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
              ManagementService managementService, HistoryService historyService, Links links) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.links = links;
    }

    /** The task, while it is open; empty once it is completed or its case has ended. */
    Optional<WaitingTask> openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
        CaseTypeTexts.CaseTypeText type = CaseTypeTexts.of(definition.getKey(), definition.getName());
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        String reference = instance == null ? null : instance.getBusinessKey();
        String amount = type.amountVariable() == null ? null : kroner(taskService.getVariable(taskId, type.amountVariable()));
        Date deadline = task.getDueDate() != null ? task.getDueDate() : expiry(task, definition.getId());
        return Optional.of(new WaitingTask(taskId, title(task.getName(), reference), type.name(), amount == null ? null : type.amountLabel(),
                amount, date(deadline), date(task.getCreateTime()), links.task(taskId)));
    }

    /** The case, running or ended, from the engine's history. */
    Optional<CaseSummary> caseSummary(String caseId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
        CaseTypeTexts.CaseTypeText type = CaseTypeTexts.of(definition.getKey(), definition.getName());
        String amount = type.amountVariable() == null ? null : kroner(variable(caseId, type.amountVariable()));
        String reference = instance.getBusinessKey();
        return Optional.of(new CaseSummary(type.name(), reference == null ? type.name() : type.name() + " (" + reference + ")",
                amount == null ? null : type.amountLabel(), amount));
    }

    /** The case's variable from the history (running or ended), or null. */
    Object variable(String caseId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName(name).list().stream()
                .map(HistoricVariableInstance::getValue).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * When the task's case gives up waiting: the earliest timer of an interrupting boundary event on the task or on a
     * subprocess around it ("30 dage uden afgørelse" on a payout's approval, "14 dage uden afgørelse" on a card's).
     */
    private Date expiry(Task task, String processDefinitionId) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
        Set<String> scopes = new HashSet<>();
        for (ModelElementInstance element = model.getModelElementById(task.getTaskDefinitionKey()); element != null;
             element = element.getParentElement()) {
            if (element.getAttributeValue("id") != null) {
                scopes.add(element.getAttributeValue("id"));
            }
        }
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(BoundaryEvent::cancelActivity)
                .filter(event -> event.getAttachedTo() != null && scopes.contains(event.getAttachedTo().getId()))
                .filter(event -> event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
                .flatMap(event -> managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
                        .activityId(event.getId()).list().stream())
                .map(Job::getDuedate)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static String title(String taskName, String reference) {
        String name = taskName == null || taskName.isBlank() ? "Opgave" : taskName;
        return reference == null || reference.isBlank() ? name : name + " (" + reference + ")";
    }

    static String kroner(Object amount) {
        return amount instanceof Number number ? Kroner.format(new BigDecimal(number.toString())) : null;
    }

    /** 12-02-2027, in Copenhagen. */
    static String date(Date date) {
        return date == null ? null : DATE.format(date.toInstant().atZone(COPENHAGEN));
    }
}
