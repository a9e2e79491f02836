package dk.kk.ks.flow.resignation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers behind ferie på forskud (Ferieloven § 7). The values live in {@code resignation-holiday.yml}.
 *
 * @param daysEarnedPerMonth holiday days earned per whole month of employment (samtidighedsferie)
 * @param workingDaysPerYear divisor of the annual salary giving one day's pay (five-day week)
 * @param holidayYearStart   the month on whose first day the holiday year starts
 */
@ConfigurationProperties(prefix = "ksflow.resignations.holiday")
public record HolidayRules(BigDecimal daysEarnedPerMonth, BigDecimal workingDaysPerYear, Month holidayYearStart) {

    public HolidayRules {
        requirePositive(daysEarnedPerMonth, "ksflow.resignations.holiday.days-earned-per-month");
        requirePositive(workingDaysPerYear, "ksflow.resignations.holiday.working-days-per-year");
        if (holidayYearStart == null) {
            throw new IllegalArgumentException("ksflow.resignations.holiday.holiday-year-start is required");
        }
    }

    /** The first day of the holiday year that contains {@code day}. */
    public LocalDate holidayYearStartFor(LocalDate day) {
        LocalDate start = LocalDate.of(day.getYear(), holidayYearStart, 1);
        return start.isAfter(day) ? start.minusYears(1) : start;
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive"
                    + " (is resignation-holiday.yml imported through spring.config.import?)");
        }
    }
}
