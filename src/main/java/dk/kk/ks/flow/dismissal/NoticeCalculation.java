package dk.kk.ks.flow.dismissal;

import java.time.LocalDate;
import java.time.Period;

/**
 * The result of a notice calculation.
 *
 * @param seniority       employment from the hire date to the notice date ({@link Period#between}), ISO-8601 in JSON
 * @param noticeMonths    notice in months to the end of a month; 0 during probation
 * @param noticeDays      notice in days to any day during probation; 0 otherwise
 * @param terminationDate the last day of employment
 * @param severanceMonths months' pay owed as severance (Funktionærloven § 2a), counted at the termination date
 */
public record NoticeCalculation(
        Period seniority,
        int noticeMonths,
        int noticeDays,
        LocalDate terminationDate,
        int severanceMonths) {
}
