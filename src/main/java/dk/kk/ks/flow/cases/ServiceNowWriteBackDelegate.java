package dk.kk.ks.flow.cases;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.platform.DanishTexts;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;

/**
 * The last step of every case: writes the outcome back to the ServiceNow record (state and a work
 * note in Danish). The note holds the outcome and the reasons in Danish ({@link DanishTexts#OUTCOMES}, {@link DanishTexts#REASONS}) and the
 * case type's summary of its figures; never personal data.
 */
@Component("serviceNowWriteBack")
class ServiceNowWriteBackDelegate implements JavaDelegate {

    private final ServiceNowPort serviceNow;
    private final CaseTypes caseTypes;
    private final CaseMetrics metrics;

    ServiceNowWriteBackDelegate(ServiceNowPort serviceNow, CaseTypes caseTypes, CaseMetrics metrics) {
        this.serviceNow = serviceNow;
        this.caseTypes = caseTypes;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = CaseVariables.OUTCOME.require(execution);
        List<String> reasons = CaseVariables.REASONS.get(execution);
        ServiceNowPort.State state = Outcome.valueOf(outcome).successful()
                ? ServiceNowPort.State.CLOSED_COMPLETE : ServiceNowPort.State.CLOSED_INCOMPLETE;
        CaseType<?> caseType = caseType(execution);
        serviceNow.update(execution.getProcessBusinessKey(), state, workNote(execution, caseType, outcome, reasons),
                IdempotencyKeys.of(execution));
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
        String summary = caseType == null ? null : caseType.workNoteSummary(execution.getVariables());
        if (summary != null && !summary.isBlank()) {
            note.append(' ').append(summary);
        }
        return note.toString();
    }

    private CaseType<?> caseType(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return caseTypes.byProcessKey(processKey).orElse(null);
    }
}
