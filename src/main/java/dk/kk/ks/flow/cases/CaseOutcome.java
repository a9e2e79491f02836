package dk.kk.ks.flow.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one place a case's outcome is set: every delegate and task listener that decides how a case ends calls this
 * class; no diagram sets {@code outcome} itself. A business refusal (see docs/architecture.md, "How a case ends")
 * records the outcome {@link Outcome#REJECTED} with its reasons and is thrown as a BPMN error, which the diagram
 * catches with an error boundary event on the task that met the refusal and leads to "Opdater ServiceNow".
 */
public final class CaseOutcome {

    /** The BPMN error code of an employee Opus does not know (the "Ukendt i Opus" boundary events). */
    public static final String UNKNOWN_EMPLOYEE_ERROR = "UNKNOWN_EMPLOYEE";

    private CaseOutcome() {
    }

    /** The case ends with {@code outcome}. */
    public static void set(VariableScope scope, Outcome outcome) {
        CaseVariables.OUTCOME.set(scope, outcome.name());
    }

    /**
     * The case ends {@link Outcome#REJECTED}; the reasons are added to those it has recorded so far (why it was
     * reviewed, say). Used where a person's decision ends the case and the diagram's gateway on that decision
     * leads on; a refusal met by a service task is {@link #refusal} instead.
     */
    public static void reject(VariableScope scope, Reason... reasons) {
        reject(scope, Arrays.stream(reasons).map(Enum::name).toList());
    }

    /** As {@link #reject(VariableScope, Reason...)}, with reason codes (an external system's refusal code, say). */
    public static void reject(VariableScope scope, List<String> reasonCodes) {
        List<String> reasons = new ArrayList<>();
        List<String> recorded = CaseVariables.REASONS.get(scope);
        if (recorded != null) {
            reasons.addAll(recorded);
        }
        reasons.addAll(reasonCodes);
        set(scope, Outcome.REJECTED);
        CaseVariables.REASONS.set(scope, reasons);
    }

    /**
     * A business refusal met by a service task: records {@link Outcome#REJECTED} with the reasons and returns the
     * BPMN error for the delegate to throw, caught by the diagram's error boundary event with {@code errorCode}.
     */
    public static BpmnError refusal(VariableScope scope, String errorCode, List<String> reasonCodes) {
        reject(scope, reasonCodes);
        return new BpmnError(errorCode, "Case refused: " + String.join(", ", reasonCodes));
    }

    /** As {@link #refusal(VariableScope, String, List)}, with one of KS Flow's own reasons. */
    public static BpmnError refusal(VariableScope scope, String errorCode, Reason reason) {
        return refusal(scope, errorCode, List.of(reason.name()));
    }

    /** The refusal of a case about an employee Opus does not know: the same branch in every case type. */
    public static BpmnError unknownEmployee(VariableScope scope) {
        return refusal(scope, UNKNOWN_EMPLOYEE_ERROR, Reason.UNKNOWN_EMPLOYEE);
    }
}
