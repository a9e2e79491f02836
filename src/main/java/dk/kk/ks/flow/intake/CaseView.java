package dk.kk.ks.flow.intake;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** What ServiceNow sees of a case (docs/servicenow-integration.md, "Læse en sag"). */
@Schema(description = "A case as ServiceNow sees it")
public record CaseView(
        @Schema(description = "The Camunda process instance id of the case", example = "3f1c2a9e-1b6d-11f0-9a8c-0242ac120002")
        String caseId,
        @Schema(example = "invoice-payouts") String caseType,
        @Schema(example = "RITM0012345") String serviceNowRef,
        @Schema(allowableValues = {"ACTIVE", "COMPLETED", "INCIDENT"}) Status status,
        @Schema(description = "Names of the active user tasks and wait states", example = "[\"Godkend udbetaling\"]")
        List<String> currentSteps,
        @Schema(description = "Null while undecided, then one word per case type", example = "PAID", nullable = true)
        String outcome,
        @Schema(description = "Codes explaining a rejection or a manual review") List<String> reasons,
        @Schema(description = "The case type's computed figures") Map<String, Object> result) {

    public enum Status { ACTIVE, COMPLETED, INCIDENT }
}
