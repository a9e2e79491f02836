package dk.kk.ks.flow.resignation;

import io.swagger.v3.oas.annotations.media.Schema;

/** The {@code result} of a resignation's CaseView, as ResignationCaseType writes it; for the API description. */
@Schema(name = "ResignationResult", description = "The triage and the advance holiday settled; null until known")
public record ResignationResult(
        @Schema(nullable = true, description = "AUTOMATIC: no human step; STANDARD and SPECIAL: reviewed by ks-loen", example = "AUTOMATIC")
        Triage triage,
        @Schema(nullable = true, description = "The ks-loen team that handles the case", example = "Team Løn 1")
        String team,
        @Schema(nullable = true, description = "Holiday days taken in advance, to be deducted", example = "3.12")
        Double advanceHolidayDays,
        @Schema(nullable = true, description = "The deduction for them, in kroner", example = "4800.00")
        Double advanceHolidayDeduction,
        @Schema(nullable = true, description = "Whether the leaver's payment card was closed", example = "true")
        Boolean paymentCardClosed) {

    public enum Triage { AUTOMATIC, STANDARD, SPECIAL }
}
