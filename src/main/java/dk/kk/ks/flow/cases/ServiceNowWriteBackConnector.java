package dk.kk.ks.flow.cases;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.connectors.Connector;
import dk.kk.ks.flow.connectors.ConnectorInput;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.platform.DanishTexts;

/**
 * "ServiceNow: afslut sag med udfald", the last step of every case: writes the outcome back to the ServiceNow
 * record (state and a work note in Danish). The outcome closes the record complete, or incomplete when it is not
 * {@link Outcome#successful()}. The note holds the outcome and the case's reasons (the process variable
 * {@code reasons}, if any) in Danish ({@link DanishTexts#OUTCOMES}, {@link DanishTexts#REASONS}) and the case
 * type's summary of its figures; never personal data. ServiceNow's refusal (an unknown record) is an incident, not
 * a BPMN error. A connector (bean name kept from the delegate it replaced), so a process owner ends a new flow with
 * it from its element template.
 */
@Component("serviceNowWriteBack")
class ServiceNowWriteBackConnector extends Connector {

    static final ConnectorInput NUMBER = ConnectorInput.required("number");
    static final ConnectorInput OUTCOME = ConnectorInput.required("outcome");
    static final List<ConnectorInput> INPUTS = List.of(NUMBER, OUTCOME);

    private final ServiceNowPort serviceNow;
    private final CaseTypes caseTypes;
    private final CaseMetrics metrics;

    /** The metrics lazily: the engine asks whether this connector writes while it deploys, before its services exist. */
    ServiceNowWriteBackConnector(ServiceNowPort serviceNow, CaseTypes caseTypes, @Lazy CaseMetrics metrics) {
        super(INPUTS, true);
        this.serviceNow = serviceNow;
        this.caseTypes = caseTypes;
        this.metrics = metrics;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String outcome = OUTCOME.text(execution).trim();
        List<String> reasons = CaseVariables.REASONS.get(execution);
        ServiceNowPort.State state = Outcome.valueOf(outcome).successful()
                ? ServiceNowPort.State.CLOSED_COMPLETE : ServiceNowPort.State.CLOSED_INCOMPLETE;
        CaseType<?> caseType = caseType(execution);
        try {
            serviceNow.update(NUMBER.text(execution).trim(), state, workNote(execution, caseType, outcome, reasons),
                    IdempotencyKeys.of(execution));
        } catch (ExternalRejectionException refused) {
            // Not a BPMN error: the case has nothing left to do but this, so a refusal is an incident for operations.
            throw new IllegalStateException("ServiceNow refused the write-back: " + refused.code(), refused);
        }
        metrics.completed(caseType == null ? execution.getProcessDefinitionId() : caseType.name(), outcome);
    }

    static String workNote(DelegateExecution execution, CaseType<?> caseType, String outcome, List<String> reasons) {
        StringBuilder note = new StringBuilder("KS Flow har afsluttet sagen (")
                .append(execution.getProcessInstanceId()).append("). Udfald: ").append(DanishTexts.ofCode(DanishTexts.OUTCOMES, outcome)).append('.');
        if (reasons != null && !reasons.isEmpty()) {
            note.append(" Begrundelse: ")
                    .append(reasons.stream().map(reason -> DanishTexts.ofCode(DanishTexts.REASONS, reason)).collect(Collectors.joining("; ")))
                    .append('.');
        }
        String summary = caseType == null ? null : caseType.workNoteSummary(variablesOf(execution));
        if (summary != null && !summary.isBlank()) {
            note.append(' ').append(summary);
        }
        return note.toString();
    }

    /**
     * The case's variables as a summary reads them: each one when it is asked for, not every variable of the case
     * deserialized at once.
     */
    private static Map<String, Object> variablesOf(VariableScope scope) {
        return new AbstractMap<>() {
            @Override
            public Object get(Object name) {
                return name instanceof String variable ? scope.getVariable(variable) : null;
            }

            @Override
            public boolean containsKey(Object name) {
                return name instanceof String variable && scope.hasVariable(variable);
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                return scope.getVariables().entrySet();
            }
        };
    }

    private CaseType<?> caseType(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return caseTypes.byProcessKey(processKey).orElse(null);
    }
}
