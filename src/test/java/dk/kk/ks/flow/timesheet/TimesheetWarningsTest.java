package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.SupplementCalculatorTest.parseLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.ks.flow.calendar.HolidayCalendar;

/**
 * Submitted on {@value #TODAY}; 90 days before is 2027-01-15. Employment is written
 * "hire..end", "hire.." (still employed) or "unknown".
 */
class TimesheetWarningsTest {

    private static final String TODAY = "2027-04-15";

    private final TimesheetWarnings warnings = new TimesheetWarnings(
            TimesheetFixtures.properties().warnings().maxLineDuration(),
            TimesheetFixtures.properties().warnings().maxAgeDays());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "nothing to report            ; 2027-04-01 08:00-16:00 NORMAL ; 2020-01-01.. ;",
            "exactly 13 hours             ; 2027-04-01 06:00-19:00 NORMAL ; 2020-01-01.. ;",
            "13 hours and 1 minute        ; 2027-04-01 06:00-19:01 NORMAL ; 2020-01-01.. ; LINE_OVER_13_HOURS",
            "over 13 hours across midnight ; 2027-04-01 18:00-07:01 OVERTIME ; 2020-01-01.. ; LINE_OVER_13_HOURS",
            "several long lines, one code ; 2027-04-01 06:00-20:00 NORMAL, 2027-04-02 06:00-20:00 NORMAL ; 2020-01-01.. ; LINE_OVER_13_HOURS",
            "overlapping lines            ; 2027-04-01 08:00-16:00 NORMAL, 2027-04-01 15:00-20:00 OVERTIME ; 2020-01-01.. ; OVERLAPPING_LINES",
            "touching lines do not overlap ; 2027-04-01 08:00-16:00 NORMAL, 2027-04-01 16:00-20:00 OVERTIME ; 2020-01-01.. ;",
            "overlap across midnight      ; 2027-04-01 22:00-06:00 NORMAL, 2027-04-02 05:00-08:00 NORMAL ; 2020-01-01.. ; OVERLAPPING_LINES",
            "overlap given out of order   ; 2027-04-02 05:00-08:00 NORMAL, 2027-04-01 22:00-06:00 NORMAL ; 2020-01-01.. ; OVERLAPPING_LINES",
            "inside an earlier long line  ; 2027-04-01 08:00-20:00 NORMAL, 2027-04-01 09:00-10:00 NORMAL, 2027-04-01 11:00-12:00 NORMAL ; 2020-01-01.. ; OVERLAPPING_LINES",
            "the same line twice          ; 2027-04-01 08:00-16:00 NORMAL, 2027-04-01 08:00-16:00 NORMAL ; 2020-01-01.. ; OVERLAPPING_LINES",
            "today is not in the future   ; 2027-04-15 22:00-06:00 NORMAL ; 2020-01-01.. ;",
            "tomorrow is in the future    ; 2027-04-16 08:00-16:00 NORMAL ; 2020-01-01.. ; FUTURE_DATE",
            "exactly 90 days old          ; 2027-01-15 08:00-16:00 NORMAL ; 2020-01-01.. ;",
            "91 days old                  ; 2027-01-14 08:00-16:00 NORMAL ; 2020-01-01.. ; OLDER_THAN_90_DAYS",
            "on the hire date             ; 2027-04-01 08:00-16:00 NORMAL ; 2027-04-01.. ;",
            "before the hire date         ; 2027-04-01 08:00-16:00 NORMAL ; 2027-04-02.. ; NOT_EMPLOYED_ON_DATE",
            "on the last day, into the next ; 2027-03-31 22:00-06:00 NORMAL ; 2020-01-01..2027-03-31 ;",
            "after the last day           ; 2027-04-01 08:00-16:00 NORMAL ; 2020-01-01..2027-03-31 ; NOT_EMPLOYED_ON_DATE",
            "unknown employee             ; 2027-04-01 08:00-16:00 NORMAL ; unknown ; UNKNOWN_EMPLOYEE",
            "all but employment, unknown  ; 2027-04-16 06:00-20:00 NORMAL, 2027-04-16 19:00-21:00 OVERTIME, 2027-01-01 08:00-09:00 NORMAL ; unknown ; LINE_OVER_13_HOURS, OVERLAPPING_LINES, FUTURE_DATE, OLDER_THAN_90_DAYS, UNKNOWN_EMPLOYEE",
            "all but unknown employee     ; 2027-01-01 08:00-09:00 NORMAL, 2027-04-16 19:00-21:00 OVERTIME, 2027-04-16 06:00-20:00 NORMAL ; 2027-02-01.. ; LINE_OVER_13_HOURS, OVERLAPPING_LINES, FUTURE_DATE, OLDER_THAN_90_DAYS, NOT_EMPLOYED_ON_DATE",
            "future and not yet employed  ; 2027-04-20 08:00-16:00 NORMAL ; 2027-04-18.. ; FUTURE_DATE",
            "old and not employed         ; 2026-12-01 08:00-16:00 NORMAL, 2027-04-01 08:00-16:00 NORMAL ; 2027-01-01.. ; OLDER_THAN_90_DAYS, NOT_EMPLOYED_ON_DATE",
    })
    void warnings(String description, String lines, String employment, String expected) {
        assertThat(warnings.evaluate(parseLines(lines), LocalDate.parse(TODAY), employment(employment)))
                .as(description)
                .containsExactlyElementsOf(codes(expected));
    }

    @Test
    void noLinesNoWarningsForAKnownEmployee() {
        assertThat(warnings.evaluate(List.of(), LocalDate.parse(TODAY), employment("2020-01-01.."))).isEmpty();
    }

    @Test
    void theLimitsComeFromConfiguration() {
        TimesheetWarnings strict = new TimesheetWarnings(Duration.ofHours(8), 30);

        assertThat(strict.evaluate(parseLines("2027-03-01 08:00-16:01 NORMAL"), LocalDate.parse(TODAY),
                employment("2020-01-01..")))
                .containsExactly(TimesheetWarning.LINE_OVER_13_HOURS, TimesheetWarning.OLDER_THAN_90_DAYS);
    }

    @Test
    void endEqualToStartIsRejected() {
        List<TimesheetLine> lines = parseLines("2027-04-01 08:00-08:00 NORMAL");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> warnings.evaluate(lines, LocalDate.parse(TODAY), null));
    }

    @Test
    void warningCodesGoIntoTheCalculation() {
        Calculation empty = new SupplementCalculator().calculate(
                List.of(), BigDecimal.TEN, TimesheetFixtures.kkStandard(),
                new HolidayCalendar());

        assertThat(empty.withWarnings(List.of(TimesheetWarning.FUTURE_DATE, TimesheetWarning.UNKNOWN_EMPLOYEE))
                .warnings()).containsExactly("FUTURE_DATE", "UNKNOWN_EMPLOYEE");
    }

    @Test
    void anEmploymentCannotEndBeforeItStarts() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Employment(LocalDate.parse("2027-04-02"), LocalDate.parse("2027-04-01")));
    }

    private static Employment employment(String period) {
        if (period.equals("unknown")) {
            return null;
        }
        String[] dates = period.split("\\.\\.", -1);
        return new Employment(LocalDate.parse(dates[0]), dates[1].isEmpty() ? null : LocalDate.parse(dates[1]));
    }

    private static List<TimesheetWarning> codes(String expected) {
        if (expected == null) {
            return List.of();
        }
        return Arrays.stream(expected.split(",")).map(String::strip).map(TimesheetWarning::valueOf).toList();
    }
}
