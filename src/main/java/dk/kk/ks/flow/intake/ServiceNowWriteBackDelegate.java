package dk.kk.ks.flow.intake;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;

/**
 * The last step of every case: writes the outcome back to the ServiceNow record (state and a work
 * note in Danish). The note holds the outcome and reason codes only, never personal data.
 */
@Component("serviceNowWriteBack")
class ServiceNowWriteBackDelegate implements JavaDelegate {

    /** Outcomes that close the ServiceNow record as not done (Closed Incomplete); all others close it complete. */
    private static final Set<String> UNSUCCESSFUL = Set.of("REJECTED", "EXPIRED", "WITHDRAWN");

    private final ServiceNowPort serviceNow;

    ServiceNowWriteBackDelegate(ServiceNowPort serviceNow) {
        this.serviceNow = serviceNow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = CaseVariables.OUTCOME.require(execution);
        List<String> reasons = CaseVariables.REASONS.get(execution);
        ServiceNowPort.State state = UNSUCCESSFUL.contains(outcome)
                ? ServiceNowPort.State.CLOSED_INCOMPLETE : ServiceNowPort.State.CLOSED_COMPLETE;
        serviceNow.update(execution.getProcessBusinessKey(), state, workNote(execution, outcome, reasons),
                IdempotencyKeys.of(execution));
    }

    static String workNote(DelegateExecution execution, String outcome, List<String> reasons) {
        StringBuilder note = new StringBuilder("KS Flow har afsluttet sagen (")
                .append(execution.getProcessInstanceId()).append("). Udfald: ").append(outcome).append('.');
        if (reasons != null && !reasons.isEmpty()) {
            note.append(" Begrundelse: ").append(String.join(", ", reasons)).append('.');
        }
        return note.toString();
    }
}
