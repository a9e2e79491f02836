package dk.kk.ks.flow.paymentcard;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.kk.ks.flow.cases.CaseRequest;
import dk.kk.ks.flow.platform.KnownUser;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/payment-cards}: order or close an employee's payment card (docs/servicenow-integration.md). */
@Schema(description = "Ordering or closing an employee's payment card (betalingskort)")
public record PaymentCardRequest(
        @Schema(example = "RITM0000007") @NotNull @Pattern(regexp = SERVICE_NOW_REF_PATTERN) String serviceNowRef,
        @Schema(description = "ORDER a new card (with approval), or CLOSE (block) the employee's open cards at once", example = "ORDER")
        @NotNull Action action,
        @Schema(description = "The employee's number in Opus", example = "E10001") @NotBlank @Size(max = 20) String employeeNumber,
        @Schema(description = "Kroner per month; required for ORDER, ignored for CLOSE", example = "20000")
        @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("10000000.00") @Digits(integer = 8, fraction = 2)
        BigDecimal monthlyLimit,
        @Schema(description = "The requester's user id", example = "leder1") @NotBlank @KnownUser String requestedBy)
        implements CaseRequest {

    public enum Action { ORDER, CLOSE }
}
