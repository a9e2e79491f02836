package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The supplement of one category on one calendar date.
 *
 * @param hours  counted minutes / 60, 2 decimals, half up
 * @param rate   the agreement's rate as configured (e.g. 0.3512)
 * @param amount counted minutes / 60 x hourly wage x rate, rounded once, half up, to øre
 */
public record CalculationLine(LocalDate date, Category category, BigDecimal hours, BigDecimal rate, BigDecimal amount) {
}
