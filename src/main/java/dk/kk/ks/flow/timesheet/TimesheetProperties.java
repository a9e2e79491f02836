package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timesheet configuration, {@code ksflow.timesheets.*}; the values live in
 * {@code timesheet-agreements.yml}. The defaults below only keep the application starting
 * when that file is not imported; they equal the file's values.
 *
 * @param agreements  supplement rules by agreement code
 * @param annualHours the divisor from annual salary to hourly wage (the municipal 1,924)
 * @param warnings    limits for the review warnings
 */
@ConfigurationProperties(prefix = "ksflow.timesheets")
public record TimesheetProperties(
        Map<String, AgreementRules> agreements,
        @DefaultValue("1924") BigDecimal annualHours,
        @DefaultValue Warnings warnings) {

    public TimesheetProperties {
        agreements = agreements == null ? Map.of() : Map.copyOf(agreements);
        Objects.requireNonNull(annualHours, "annualHours");
        if (annualHours.signum() <= 0) {
            throw new IllegalArgumentException("annualHours must be positive: " + annualHours);
        }
        Objects.requireNonNull(warnings, "warnings");
    }

    /** Hourly wage = annual salary / annual hours, rounded half up to øre. */
    public BigDecimal hourlyWage(BigDecimal annualSalary) {
        return annualSalary.divide(annualHours, 2, RoundingMode.HALF_UP);
    }

    /**
     * @param maxLineDuration a line longer than this gets LINE_OVER_13_HOURS
     * @param maxAgeDays      a line dated before the submission day minus this many days gets
     *                        OLDER_THAN_90_DAYS
     */
    public record Warnings(
            @DefaultValue("13h") Duration maxLineDuration,
            @DefaultValue("90") int maxAgeDays) {

        public Warnings {
            Objects.requireNonNull(maxLineDuration, "maxLineDuration");
        }
    }
}
