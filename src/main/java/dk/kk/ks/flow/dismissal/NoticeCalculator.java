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
 * <p>
 * An agreed probation covers the first {@value #PROBATION_MONTHS} months of the employment (§ 2, stk. 5): it ends the
 * day before the hire date's day of the month, three months on (hired 2 February: until 1 May inclusive); where that
 * month has no such day, at the end of that month (hired 31 January: until 30 April; hired 30 November: until the
 * end of February). A notice given after that is an ordinary notice, even if the employment record still says
 * probation.
 */
public class NoticeCalculator {

    static final int PROBATION_MONTHS = 3;

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
        if (probation && !noticeDate.isAfter(lastDayOfProbation(hireDate))) {
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

    /** The last day of an agreed probation that started on {@code hireDate}. */
    static LocalDate lastDayOfProbation(LocalDate hireDate) {
        LocalDate sameDay = hireDate.plusMonths(PROBATION_MONTHS);
        boolean clamped = sameDay.getDayOfMonth() != hireDate.getDayOfMonth();
        return clamped ? sameDay : sameDay.minusDays(1);
    }
}
