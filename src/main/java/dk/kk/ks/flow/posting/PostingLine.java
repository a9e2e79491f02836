package dk.kk.ks.flow.posting;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a posting: an amount on an account and cost centre, debit positive and credit negative. */
@Schema(description = "A posting line; amount positive for debit, negative for credit")
public record PostingLine(
        @Schema(example = "44120000") @NotBlank @Size(max = 20) String account,
        @Schema(example = "1010101010") @NotBlank @Size(max = 20) String costCenter,
        @Schema(example = "1500.00") @NotNull @Digits(integer = 13, fraction = 2) BigDecimal amount,
        @Schema(example = "I25") @NotBlank @Size(max = 10) String vatCode,
        @Schema(example = "Husleje marts") @Size(max = 200) String text) {
}
