package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The {@code result} of a timesheet's CaseView, as TimesheetCaseType writes it; for the API description. */
@Schema(name = "TimesheetResult", description = "The supplement calculation once it is made (as from /api/v1/timesheets/calculation), "
        + "and whether the timesheet was posted without a human step; {} before the calculation")
public record TimesheetResult(
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "Kroner per hour the amounts were computed from", example = "250.00")
        BigDecimal hourlyWage,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "One line per calendar date and category")
        List<CalculationLine> lines,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "Hours per category, for the categories that occur")
        Map<Category, BigDecimal> totals,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "The sum of the lines' amounts, in kroner", example = "3388.38")
        BigDecimal totalAmount,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "Why the timesheet goes to ks-loen for review; empty: none")
        List<TimesheetWarning> warnings,
        @Schema(requiredMode = RequiredMode.NOT_REQUIRED, description = "true: posted with no human step; set when that is decided",
                example = "true")
        Boolean automatic) {
}
