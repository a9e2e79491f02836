package dk.kk.ks.flow.resignation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Holiday taken in advance (ferie på forskud) when an employee leaves.
 *
 * @param earnedDays       days earned this holiday year up to the last working day, 2 decimals
 * @param advanceDays      days taken beyond those earned, never negative
 * @param deduction        the pay for the advance days, offset against the final pay, in DKK with 2 decimals
 * @param holidayYearStart the first day of the holiday year that contains the last working day
 */
public record AdvanceHoliday(
        BigDecimal earnedDays,
        BigDecimal advanceDays,
        BigDecimal deduction,
        LocalDate holidayYearStart) {
}
