package dk.kk.ks.flow.dismissal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** The {@code result} of a dismissal's CaseView, as DismissalCaseType writes it; for the API description. */
@Schema(name = "DismissalResult", description = "The personnel case and the dates of the dismissal; null until known")
public record DismissalResult(
        @Schema(nullable = true, description = "The personnel case in eDoc", example = "EDOC-2027-000123") String edocCaseNumber,
        @Schema(nullable = true, description = "The last day for the employee's hearing reply", example = "2027-04-14") LocalDate hearingDeadline,
        @Schema(nullable = true, description = "The day notice is given", example = "2027-04-20") LocalDate noticeDate,
        @Schema(nullable = true, description = "The last day of employment", example = "2027-08-31") LocalDate terminationDate,
        @Schema(nullable = true, description = "Months' pay owed as severance (Funktionærloven § 2a)", example = "0") Integer severanceMonths) {
}
