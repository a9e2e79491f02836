package dk.kk.ks.flow.invoicepayout;

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

/** {@code POST /api/v1/invoice-payouts}: a payout from Opus Debitor (docs/servicenow-integration.md). */
@Schema(description = "A payout in Opus Debitor (fakturaudbetaling)")
public record InvoicePayoutRequest(
        @Schema(example = "RITM0000001") @NotNull @Pattern(regexp = SERVICE_NOW_REF_PATTERN) String serviceNowRef,
        @Schema(example = "100234") @NotNull @Pattern(regexp = "^[0-9]{1,20}$", message = "must be 1 to 20 digits") String debtorNumber,
        @Schema(example = "Jens Hansen") @NotBlank @Size(max = 200) String payee,
        @Schema(example = "12500.00") @NotNull @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("10000000.00")
        @Digits(integer = 8, fraction = 2) BigDecimal amount,
        @Schema(example = "Tilbagebetaling af for meget betalt") @NotBlank @Size(max = 1000) String reason,
        @Schema(description = "The requester's user id", example = "anna") @NotBlank @KnownUser String requestedBy)
        implements CaseRequest {
}
