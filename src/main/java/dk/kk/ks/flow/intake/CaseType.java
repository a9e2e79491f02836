package dk.kk.ks.flow.intake;

import java.util.List;
import java.util.Map;

/**
 * One case type of the intake API. A new case type adds a request DTO (with Bean Validation
 * annotations), an implementation of this interface (a Spring bean) and its BPMN process.
 */
public interface CaseType<R extends CaseRequest> {

    /** The path segment and the {@code caseType} of the CaseView, e.g. {@code invoice-payouts}. */
    String name();

    /** The BPMN process id started for a case. */
    String processKey();

    Class<R> requestType();

    /** Rules across fields that annotations cannot say; each violation names its field. */
    default List<FieldError> validate(R request) {
        return List.of();
    }

    /** The process variables a case starts with. */
    Map<String, Object> startVariables(R request);

    /** The case type's computed figures for the CaseView, from the case's variables. */
    Map<String, Object> result(Map<String, Object> variables);

    /** A reason code in plain Danish, for the ServiceNow work note; by default the code itself. */
    default String reasonText(String reasonCode) {
        return reasonCode;
    }

    /** The case's figures as a Danish sentence for the ServiceNow work note (never personal data); null: none. */
    default String workNoteSummary(Map<String, Object> variables) {
        return null;
    }

    /** A field that failed validation, named as in the JSON body (e.g. {@code lines[2].end}). */
    record FieldError(String field, String message) {
    }
}
