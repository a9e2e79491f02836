package dk.kk.ks.flow.invoicepayout;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The {@code result} of an invoice payout's CaseView, as InvoicePayoutCaseType writes it; for the API description. */
@Schema(name = "InvoicePayoutResult", description = "The approvals the payout needs and has")
public record InvoicePayoutResult(
        @Schema(description = "The groups that must approve, one approval each (two for more than 250,000 kr.); empty: none",
                example = "[\"debitor-godkendere\"]") List<String> approvalsRequired,
        @Schema(description = "The user ids of those who approved, in order", example = "[\"bo\"]") List<String> approvedBy) {
}
