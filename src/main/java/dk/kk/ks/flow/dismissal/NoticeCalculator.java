package dk.kk.ks.flow.dismissal;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The employer's notice and severance under Funktionærloven § 2 and § 2a, with the numbers from {@link NoticeRules}.
 * <p>
 * Seniority is {@link Period#between} the hire date and the day in question; it is compared with the configured
 * thresholds by length (months, then days). Outside probation the employment ends on the last day of the month in
 * which the notice date plus the notice months falls; during probation it ends the configured number of days after
 * the notice date.
 */
public class NoticeCalculator {

    private final NoticeRules rules;

    public NoticeCalculator(NoticeRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public NoticeCalculation calculate(LocalDate hireDate, LocalDate noticeDate, boolean probation) {
        Objects.requireNonNull(hireDate, "hireDate");
        Objects.requireNonNull(noticeDate, "noticeDate");
        if (noticeDate.isBefore(hireDate)) {
            throw new IllegalArgumentException(
                    "noticeDate " + noticeDate + " is before hireDate " + hireDate);
        }
        Period seniority = Period.between(hireDate, noticeDate);

        int noticeMonths;
        int noticeDays;
        LocalDate terminationDate;
        if (probation) {
            noticeMonths = 0;
            noticeDays = rules.probationDays();
            terminationDate = noticeDate.plusDays(noticeDays);
        } else {
            noticeMonths = rules.noticeMonthsFor(seniority);
            noticeDays = 0;
            terminationDate = YearMonth.from(noticeDate.plusMonths(noticeMonths)).atEndOfMonth();
        }
        int severanceMonths = rules.severanceMonthsFor(Period.between(hireDate, terminationDate));
        return new NoticeCalculation(seniority, noticeMonths, noticeDays, terminationDate, severanceMonths);
    }
}
