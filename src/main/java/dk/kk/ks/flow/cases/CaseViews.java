package dk.kk.ks.flow.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a case's CaseView from the engine: its history, its variables and its open incidents. */
@Service
public class CaseViews {

    /** Activity types that are "steps" a case waits in: user tasks and wait states. */
    private static final Set<String> WAIT_STATES = Set.of("userTask", "receiveTask", "intermediateMessageCatch",
            "intermediateTimer", "intermediateSignalCatch", "intermediateConditional", "eventBasedGateway");

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final CaseTypes caseTypes;
    private final TransactionTemplate transaction;

    CaseViews(HistoryService historyService, RuntimeService runtimeService, CaseTypes caseTypes, TransactionTemplate transaction) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.caseTypes = caseTypes;
        this.transaction = transaction;
    }

    /**
     * The case with that id; CaseNotFoundException (404) also for a process instance that is not a case. Its
     * queries share one transaction (joining the caller's), so a view takes one connection from the pool, not one
     * per query.
     */
    public CaseView view(String caseId) {
        return transaction.execute(status -> viewInTransaction(caseId));
    }

    private CaseView viewInTransaction(String caseId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(caseId).singleResult();
        if (instance == null || !isCase(instance)) {
            throw new CaseNotFoundException(caseId);
        }
        return view(instance);
    }

    /**
     * A case is a root process instance of a case type's process: not a process it called (a dismissal's
     * resignation), nor an instance of a process that is no case type (the nightly reconciliation).
     */
    private boolean isCase(HistoricProcessInstance instance) {
        return instance.getSuperProcessInstanceId() == null && instance.getSuperCaseInstanceId() == null
                && caseTypes.byProcessKey(instance.getProcessDefinitionKey()).isPresent();
    }

    public List<CaseView> byServiceNowRef(String serviceNowRef) {
        return transaction.execute(status -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(serviceNowRef)
                .rootProcessInstances()
                .orderByProcessInstanceStartTime().asc()
                .list().stream()
                .filter(this::isCase)
                .map(this::view)
                .toList());
    }

    /**
     * The case just started, in the caller's transaction, by CaseCreation: what it knows of the instance is what
     * the history would answer, so the view does not ask for it again, nor for its variables: those the start
     * returned are the case's own, as the start left them.
     */
    CaseView viewOfStarted(ProcessInstanceWithVariables instance, CaseType<?> caseType) {
        return view(instance.getId(), caseType, instance.getBusinessKey(), instance.isEnded(),
                () -> plainValues(instance.getVariables()));
    }

    private CaseView view(HistoricProcessInstance instance) {
        return view(instance.getId(), caseTypes.byProcessKey(instance.getProcessDefinitionKey()).orElseThrow(),
                instance.getBusinessKey(), instance.getEndTime() != null, () -> variables(instance.getId()));
    }

    /** @param caseVariables the case's variables, asked for after its steps */
    private CaseView view(String caseId, CaseType<?> caseType, String businessKey, boolean ended,
                          Supplier<Map<String, Object>> caseVariables) {
        // Steps before variables: a job commits both together, so variables read after the steps are
        // never older than the steps (the other order could show a new step with the previous variables).
        List<String> steps = ended ? List.of() : currentSteps(caseId);
        // The engine copies an incident in a called process onto the call activity, up to the case, so the case's own
        // incidents include those of every process it called.
        boolean incident = !ended && runtimeService.createIncidentQuery().processInstanceId(caseId).count() > 0;
        CaseView.Status status = incident ? CaseView.Status.INCIDENT
                : ended ? CaseView.Status.COMPLETED : CaseView.Status.ACTIVE;
        Map<String, Object> variables = caseVariables.get();
        List<String> reasons = CaseVariables.REASONS.from(variables);
        return new CaseView(caseId,
                caseType.name(),
                businessKey,
                status,
                steps,
                CaseVariables.OUTCOME.from(variables),
                reasons == null ? List.of() : reasons,
                caseType.result(variables));
    }

    /** The case's own variables (process-instance scope, not those local to a task or loop). */
    private Map<String, Object> variables(String caseId) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(caseId).list()) {
            if (caseId.equals(variable.getActivityInstanceId())) {
                variables.put(variable.getName(), valueOf(variable));
            }
        }
        return variables;
    }

    /** JSON variables as their text, so amounts keep their decimals (12.50 stays 12.50); others as values. */
    private static Object valueOf(HistoricVariableInstance variable) {
        if (variable.getTypedValue() instanceof SerializableValue json && "json".equals(variable.getTypeName())) {
            return json.getValueSerialized();
        }
        return variable.getValue();
    }

    /**
     * The variables as {@link #variables} reads them from the history, from the values a start returned: JSON variables
     * as their text (the engine writes it when it stores one, also one set as a Spin node), others as the values the
     * start set, not read back through the engine's deserializer (the case types' and decision tables' values are texts,
     * numbers, and lists and maps of texts, which read back the same). Transient variables are left out: the history
     * never has them.
     */
    private static Map<String, Object> plainValues(VariableMap typed) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : typed.keySet()) {
            TypedValue value = typed.getValueTyped(name);
            if (value.isTransient()) {
                continue;
            }
            variables.put(name, value instanceof SerializableValue json && "json".equals(value.getType().getName())
                    ? json.getValueSerialized() : value.getValue());
        }
        return variables;
    }

    /**
     * The named wait states the case and the processes its running call activities called stand in, in the order they
     * were reached. One query per instance, on the history's unfinished activities: a running call activity names the
     * process it called, so no query over the runtime's executions is needed (that one, an IN sub-select on
     * ACT_RU_EXECUTION, took 4.6 ms a view on PostgreSQL in a 3,000-case run: README "Ydeevne").
     */
    private List<String> currentSteps(String caseId) {
        Set<String> instances = new LinkedHashSet<>(List.of(caseId));
        Set<String> steps = new LinkedHashSet<>();
        List<String> toVisit = new ArrayList<>(instances);
        for (int i = 0; i < toVisit.size(); i++) {
            for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(toVisit.get(i)).unfinished().orderByHistoricActivityInstanceStartTime().asc().list()) {
                if (WAIT_STATES.contains(activity.getActivityType()) && activity.getActivityName() != null) {
                    steps.add(activity.getActivityName());
                }
                String called = activity.getCalledProcessInstanceId();
                if (called != null && instances.add(called)) {
                    toVisit.add(called);
                }
            }
        }
        return List.copyOf(steps);
    }
}
