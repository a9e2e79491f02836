package dk.kk.ks.flow.resignation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Ferie på forskud (Ferieloven § 7), with the numbers from {@link HolidayRules}.
 * <p>
 * Earned days = days earned per month x the sum, over each calendar month from the later of the holiday year's
 * start and the hire date to the last working day, of the days employed in that month (both ends included) divided
 * by the days in that month; rounded half up to 2 decimals once, at the end. Advance days = days taken this holiday
 * year - earned days, at least 0. Deduction = advance days x annual salary / working days per year, rounded half up
 * to øre.
 */
public class AdvanceHolidayCalculator {

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final int DAYS_SCALE = 2;
    private static final int MONEY_SCALE = 2;

    private final HolidayRules rules;

    public AdvanceHolidayCalculator(HolidayRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public AdvanceHoliday calculate(LocalDate hireDate, LocalDate lastWorkingDay,
            BigDecimal daysTakenThisHolidayYear, BigDecimal annualSalary) {
        Objects.requireNonNull(hireDate, "hireDate");
        Objects.requireNonNull(lastWorkingDay, "lastWorkingDay");
        Objects.requireNonNull(daysTakenThisHolidayYear, "daysTakenThisHolidayYear");
        Objects.requireNonNull(annualSalary, "annualSalary");
        if (lastWorkingDay.isBefore(hireDate)) {
            throw new IllegalArgumentException(
                    "lastWorkingDay " + lastWorkingDay + " is before hireDate " + hireDate);
        }
        if (daysTakenThisHolidayYear.signum() < 0) {
            throw new IllegalArgumentException("daysTakenThisHolidayYear must not be negative");
        }
        if (annualSalary.signum() < 0) {
            throw new IllegalArgumentException("annualSalary must not be negative");
        }

        LocalDate holidayYearStart = rules.holidayYearStartFor(lastWorkingDay);
        LocalDate firstDayEarning = hireDate.isAfter(holidayYearStart) ? hireDate : holidayYearStart;
        BigDecimal earnedDays = rules.daysEarnedPerMonth()
                .multiply(monthsEmployed(firstDayEarning, lastWorkingDay), PRECISION)
                .setScale(DAYS_SCALE, RoundingMode.HALF_UP);

        BigDecimal beyondEarned = daysTakenThisHolidayYear.subtract(earnedDays);
        BigDecimal advanceDays = beyondEarned.signum() > 0 ? beyondEarned : BigDecimal.ZERO.setScale(DAYS_SCALE);
        BigDecimal deduction = advanceDays.multiply(annualSalary)
                .divide(rules.workingDaysPerYear(), MONEY_SCALE, RoundingMode.HALF_UP);
        return new AdvanceHoliday(earnedDays, advanceDays, deduction, holidayYearStart);
    }

    /** Whole months count 1, a partial month its fraction of days; unrounded. */
    private static BigDecimal monthsEmployed(LocalDate from, LocalDate to) {
        BigDecimal months = BigDecimal.ZERO;
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
            LocalDate last = to.isBefore(month.atEndOfMonth()) ? to : month.atEndOfMonth();
            BigDecimal daysEmployed = BigDecimal.valueOf(ChronoUnit.DAYS.between(first, last) + 1);
            months = months.add(daysEmployed.divide(BigDecimal.valueOf(month.lengthOfMonth()), PRECISION), PRECISION);
        }
        return months;
    }
}
