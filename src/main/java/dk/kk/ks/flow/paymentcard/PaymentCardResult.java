package dk.kk.ks.flow.paymentcard;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The {@code result} of a payment card's CaseView, as PaymentCardCaseType writes it; for the API description. */
@Schema(name = "PaymentCardResult", description = "The approvals and the card")
public record PaymentCardResult(
        @Schema(description = "The user ids of those who approved, in order", example = "[\"leder1\"]") List<String> approvals,
        @Schema(nullable = true, description = "The card at the card issuer once ordered or closed", example = "CARD-000042") String cardId,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "The approver's user id, once found", example = "leder1")
        String approver,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "true: the approval went one level up", example = "false")
        Boolean escalated,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "CLOSE: the cards that were closed", example = "[\"CARD-000042\"]")
        List<String> closedCardIds) {
}
