package dk.kk.ks.flow.cases;

import java.util.List;
import java.util.Map;

/**
 * What ServiceNow sees of a case (docs/servicenow-integration.md, "Læse en sag"). The API description does not read
 * this record: it describes a CaseView per case type (IntakeOpenApi), with the case type's outcomes, reason codes and
 * result.
 */
public record CaseView(
        String caseId,
        String caseType,
        String serviceNowRef,
        Status status,
        List<String> currentSteps,
        String outcome,
        List<String> reasons,
        Map<String, Object> result) {

    public enum Status { ACTIVE, COMPLETED, INCIDENT }
}
