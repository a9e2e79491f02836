package dk.kk.ks.flow.dismissal;

import java.time.LocalDate;
import java.time.Period;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The result of a notice calculation.
 *
 * @param seniority       employment from the hire date to the notice date ({@link Period#between}), ISO-8601 in JSON
 * @param noticeMonths    notice in months to the end of a month; 0 during probation
 * @param noticeDays      notice in days to any day during probation; 0 otherwise
 * @param terminationDate the last day of employment
 * @param severanceMonths months' pay owed as severance (Funktionærloven § 2a), counted at the termination date
 */
@Schema(description = "The notice period and the termination date")
public record NoticeCalculation(
        @Schema(description = "Employment from the hire date to the notice date", example = "P2Y9M26D") Period seniority,
        @Schema(description = "Notice in months to the end of a month; 0 during probation", example = "4") int noticeMonths,
        @Schema(description = "Notice in days during probation (14); 0 otherwise", example = "0") int noticeDays,
        @Schema(description = "The last day of employment", example = "2023-03-31") LocalDate terminationDate,
        @Schema(description = "Months' pay owed as severance (Funktionærloven § 2a)", example = "0") int severanceMonths) {
}
