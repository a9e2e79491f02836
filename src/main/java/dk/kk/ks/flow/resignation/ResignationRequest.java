package dk.kk.ks.flow.resignation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.kk.ks.flow.cases.CaseRequest;
import dk.kk.ks.flow.platform.KnownUser;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/resignations}: an employee leaves (fratrædelse), docs/servicenow-integration.md. */
@Schema(description = "A resignation (fratrædelse) to register in Opus Løn")
public record ResignationRequest(
        @Schema(example = "RITM0000003") @NotNull @Pattern(regexp = SERVICE_NOW_REF_PATTERN) String serviceNowRef,
        @Schema(example = "E10001") @NotBlank @Size(max = 20) String employeeNumber,
        @Schema(example = "2027-05-31") @NotNull LocalDate lastWorkingDay,
        @Schema(example = "RESIGNATION") @NotNull Reason reason,
        @Schema(description = "The reporter's user id", example = "leder1") @NotBlank @KnownUser String reportedBy)
        implements CaseRequest {

    public enum Reason { RESIGNATION, RETIREMENT, DEATH, FIXED_TERM_END, DISMISSAL }
}
