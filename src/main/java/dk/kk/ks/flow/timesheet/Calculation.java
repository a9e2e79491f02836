package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The supplements of a timesheet (docs/servicenow-integration.md, {@code timesheets/calculation}).
 *
 * @param hourlyWage  the wage the amounts were computed from
 * @param lines       one line per date and category, by date, then category order
 * @param totals      hours per category (the sum of the lines' hours), only categories that
 *                    occur, in category order
 * @param totalAmount the sum of the lines' amounts
 * @param warnings    warning codes (see {@link TimesheetWarnings}); the calculator leaves it empty
 */
@Schema(name = "TimesheetCalculation", description = "The supplements of a timesheet")
public record Calculation(
        @Schema(description = "Kroner per hour the amounts were computed from", example = "250.00") BigDecimal hourlyWage,
        @Schema(description = "One line per calendar date and category") List<CalculationLine> lines,
        @Schema(description = "Hours per category, for the categories that occur") Map<Category, BigDecimal> totals,
        @Schema(description = "The sum of the lines' amounts, in kroner", example = "3388.38") BigDecimal totalAmount,
        @Schema(description = "Why a case with this timesheet would go to ks-loen for review; empty: none",
                implementation = TimesheetWarning.class) List<String> warnings) {

    public Calculation {
        Objects.requireNonNull(hourlyWage, "hourlyWage");
        Objects.requireNonNull(totalAmount, "totalAmount");
        lines = List.copyOf(lines);
        EnumMap<Category, BigDecimal> totalsCopy = new EnumMap<>(Category.class);
        totalsCopy.putAll(totals);
        totals = Collections.unmodifiableMap(totalsCopy);
        warnings = List.copyOf(warnings);
    }

    /** A calculation of these lines: totals per category and the total amount are their sums. */
    public static Calculation of(BigDecimal hourlyWage, List<CalculationLine> lines, List<String> warnings) {
        Map<Category, BigDecimal> totals = new EnumMap<>(Category.class);
        BigDecimal totalAmount = BigDecimal.ZERO.setScale(2);
        for (CalculationLine line : lines) {
            totals.merge(line.category(), line.hours(), BigDecimal::add);
            totalAmount = totalAmount.add(line.amount());
        }
        return new Calculation(hourlyWage, lines, totals, totalAmount, warnings);
    }

    /** This calculation with the given warnings (their codes) instead of the current ones. */
    public Calculation withWarnings(Collection<TimesheetWarning> newWarnings) {
        return new Calculation(hourlyWage, lines, totals, totalAmount,
                newWarnings.stream().map(TimesheetWarning::name).toList());
    }
}
