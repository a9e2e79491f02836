package dk.kk.ks.flow.timesheet;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The warnings that send a timesheet to manual review (docs/rules.md, "Timesheets"). Pure: the
 * submission day and the employment are inputs.
 */
public class TimesheetWarnings {

    private final Duration maxLineDuration;
    private final int maxAgeDays;

    /**
     * @param maxLineDuration a line longer than this (13 hours) is LINE_OVER_13_HOURS
     * @param maxAgeDays      a line dated before {@code today} minus this (90) is OLDER_THAN_90_DAYS
     */
    public TimesheetWarnings(Duration maxLineDuration, int maxAgeDays) {
        this.maxLineDuration = Objects.requireNonNull(maxLineDuration, "maxLineDuration");
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("maxAgeDays must not be negative: " + maxAgeDays);
        }
        this.maxAgeDays = maxAgeDays;
    }

    /**
     * The warnings that apply, each at most once, in {@link TimesheetWarning} order.
     *
     * @param lines      the timesheet lines (an end equal to its start is rejected)
     * @param today      the day of submission
     * @param employment the employee's employment, or {@code null} when the employee is unknown
     * @throws IllegalArgumentException when a line's end equals its start
     */
    public List<TimesheetWarning> evaluate(List<TimesheetLine> lines, LocalDate today, Employment employment) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(today, "today");
        Set<TimesheetWarning> warnings = EnumSet.noneOf(TimesheetWarning.class);
        LocalDate oldestAllowed = today.minusDays(maxAgeDays);
        for (TimesheetLine line : lines) {
            if (line.duration().compareTo(maxLineDuration) > 0) {
                warnings.add(TimesheetWarning.LINE_OVER_13_HOURS);
            }
            if (line.date().isAfter(today)) {
                warnings.add(TimesheetWarning.FUTURE_DATE);
            }
            if (line.date().isBefore(oldestAllowed)) {
                warnings.add(TimesheetWarning.OLDER_THAN_90_DAYS);
            }
            if (employment != null && !employment.employedOn(line.date())) {
                warnings.add(TimesheetWarning.NOT_EMPLOYED_ON_DATE);
            }
        }
        if (overlap(lines)) {
            warnings.add(TimesheetWarning.OVERLAPPING_LINES);
        }
        if (employment == null) {
            warnings.add(TimesheetWarning.UNKNOWN_EMPLOYEE);
        }
        return List.copyOf(warnings);
    }

    /** Whether two shifts share a minute; a shift ending when the next starts does not overlap. */
    private static boolean overlap(List<TimesheetLine> lines) {
        List<TimesheetLine> byStart = lines.stream()
                .sorted(Comparator.comparing(TimesheetLine::startDateTime))
                .toList();
        LocalDateTime latestEnd = LocalDateTime.MIN;
        for (TimesheetLine line : byStart) {
            if (line.startDateTime().isBefore(latestEnd)) {
                return true;
            }
            LocalDateTime end = line.endDateTime();
            if (end.isAfter(latestEnd)) {
                latestEnd = end;
            }
        }
        return false;
    }
}
