package dk.kk.ks.flow.timesheet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An employee's employment period as far as the timesheet check needs it.
 *
 * @param hireDate first day of employment
 * @param endDate  last day of employment, or {@code null} while employed
 */
public record Employment(LocalDate hireDate, LocalDate endDate) {

    public Employment {
        Objects.requireNonNull(hireDate, "hireDate");
        if (endDate != null && endDate.isBefore(hireDate)) {
            throw new IllegalArgumentException("endDate before hireDate: " + endDate + " < " + hireDate);
        }
    }

    public boolean employedOn(LocalDate date) {
        return !date.isBefore(hireDate) && (endDate == null || !date.isAfter(endDate));
    }
}
