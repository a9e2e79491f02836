package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The supplement of one category on one calendar date.
 *
 * @param hours  counted minutes / 60, 2 decimals, half up
 * @param rate   the agreement's rate as configured (e.g. 0.3512)
 * @param amount counted minutes / 60 x hourly wage x rate, rounded once, half up, to øre
 */
@Schema(name = "TimesheetCalculationLine", description = "The supplement of one category on one calendar date")
public record CalculationLine(
        @Schema(example = "2027-03-26") LocalDate date,
        @Schema(example = "EVENING") Category category,
        @Schema(description = "Counted minutes / 60, 2 decimals", example = "6.00") BigDecimal hours,
        @Schema(description = "The agreement's rate", example = "0.3512") BigDecimal rate,
        @Schema(description = "Hours x hourly wage x rate, in kroner", example = "526.80") BigDecimal amount) {
}
