package dk.kk.ks.flow.dismissal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.kk.ks.flow.cases.CaseRequest;
import dk.kk.ks.flow.platform.KnownUser;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/dismissals}: an involuntary dismissal (uansøgt afskedigelse), docs/servicenow-integration.md. */
@Schema(description = "An involuntary dismissal: hearing, decision, letters by Digital Post, termination in Opus")
public record DismissalRequest(
        @Schema(example = "RITM0000004") @NotNull @Pattern(regexp = SERVICE_NOW_REF_PATTERN) String serviceNowRef,
        @Schema(example = "E10001") @NotBlank @Size(max = 20) String employeeNumber,
        @Schema(example = "WORK_SHORTAGE") @NotNull ReasonCategory reasonCategory,
        @Schema(example = "Nedlæggelse af stilling som følge af besparelser") @NotBlank @Size(max = 2000) String reasonText,
        @Schema(description = "The requesting manager's user id", example = "leder1") @NotBlank @KnownUser String requestedBy)
        implements CaseRequest {

    public enum ReasonCategory { WORK_SHORTAGE, COOPERATION, UNSUITABILITY, MISCONDUCT, ILLNESS }
}
