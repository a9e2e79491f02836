package dk.kk.ks.flow.servicecontract;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.kk.ks.flow.cases.CaseRequest;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/service-contract-regulations}: a change of quantity on a service contract (docs/servicenow-integration.md).
 * The quantity is read as a decimal so that 2.5 units is a 400, not silently 2.
 */
@Schema(description = "A regulation of an internal service contract (regulering af servicekontrakt): the quantity "
        + "changes from the first day of a month to the end of that calendar year")
public record ServiceContractRegulationRequest(
        @Schema(example = "RITM0000005") @NotNull @Pattern(regexp = SERVICE_NOW_REF_PATTERN) String serviceNowRef,
        @Schema(example = "SK-2027-0042") @NotBlank @Size(max = 40) String contractNumber,
        @Schema(description = "The department (forvaltning) that buys the service", example = "BUF")
        @NotBlank @Size(max = 20) String department,
        @Schema(description = "The first day of a month", example = "2027-04-01") @NotNull @FirstDayOfMonth LocalDate effectiveFrom,
        @Schema(type = "integer", description = "Whole units more (positive) or fewer (negative); not zero", example = "-3")
        @NotNull @NonZero @WholeNumber @Min(-100000) @Max(100000) BigDecimal quantityChange,
        @Schema(example = "Færre medarbejdere") @Size(max = 1000) String reason)
        implements CaseRequest {
}
