package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import dk.kk.ks.flow.calendar.HolidayCalendar;

/**
 * Computes the supplements of a timesheet (docs/rules.md, "Timesheets").
 *
 * <p>Each shift is cut into segments at every window boundary (midnight, the evening and
 * night windows, Saturday's start, a holiday's start); every segment earns one set of
 * categories, and its minutes go to the calendar date on which they fall. Minutes are then
 * summed per date and category, counted by the agreement's unit, and priced once.
 * Overlapping lines are counted as given ({@link TimesheetWarnings} flags them).
 * Times are wall-clock times: a shift across a daylight-saving change counts its clock minutes.
 */
public class SupplementCalculator {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    /**
     * @throws IllegalArgumentException when a line's end equals its start, the wage is
     *                                  negative, or a date is outside the holiday calendar's years
     */
    public Calculation calculate(
            List<TimesheetLine> lines, BigDecimal hourlyWage, AgreementRules rules, HolidayCalendar calendar) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(hourlyWage, "hourlyWage");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(calendar, "calendar");
        if (hourlyWage.signum() < 0) {
            throw new IllegalArgumentException("hourlyWage must not be negative: " + hourlyWage);
        }
        SupplementWindows windows = new SupplementWindows(rules, calendar);
        SortedMap<LocalDate, Map<Category, Long>> minutes = new TreeMap<>();
        for (TimesheetLine line : lines) {
            addMinutes(line, windows, minutes);
        }
        return price(minutes, hourlyWage, rules);
    }

    private static void addMinutes(
            TimesheetLine line, SupplementWindows windows, SortedMap<LocalDate, Map<Category, Long>> minutes) {
        LocalDateTime end = line.endDateTime();
        LocalDateTime segmentStart = line.startDateTime();
        List<LocalDateTime> segmentEnds = new ArrayList<>(windows.boundariesBetween(segmentStart, end));
        segmentEnds.add(end);
        for (LocalDateTime segmentEnd : segmentEnds) {
            long segmentMinutes = Duration.between(segmentStart, segmentEnd).toMinutes();
            Map<Category, Long> ofDate = minutes.computeIfAbsent(
                    segmentStart.toLocalDate(), date -> new EnumMap<>(Category.class));
            for (Category category : windows.categoriesAt(segmentStart, line.kind())) {
                ofDate.merge(category, segmentMinutes, Long::sum);
            }
            segmentStart = segmentEnd;
        }
    }

    private static Calculation price(
            SortedMap<LocalDate, Map<Category, Long>> minutes, BigDecimal hourlyWage, AgreementRules rules) {
        List<CalculationLine> lines = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<Category, Long>> ofDate : minutes.entrySet()) {
            for (Map.Entry<Category, Long> ofCategory : ofDate.getValue().entrySet()) {
                lines.add(line(ofDate.getKey(), ofCategory.getKey(),
                        rules.countingUnit().countedMinutes(ofCategory.getValue()), hourlyWage, rules));
            }
        }
        return Calculation.of(hourlyWage, lines, List.of());
    }

    private static CalculationLine line(
            LocalDate date, Category category, long countedMinutes, BigDecimal hourlyWage, AgreementRules rules) {
        BigDecimal minutes = BigDecimal.valueOf(countedMinutes);
        BigDecimal rate = rules.rate(category);
        BigDecimal hours = minutes.divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
        BigDecimal amount = minutes.multiply(hourlyWage).multiply(rate)
                .divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
        return new CalculationLine(date, category, hours, rate, amount);
    }
}
