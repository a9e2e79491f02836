package dk.kk.ks.flow.timesheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.ks.flow.calendar.HolidayCalendar;

/**
 * Lines are written "date start-end KIND" and expectations "date CATEGORY hours", several
 * separated by commas; an empty expectation means no supplement at all. One minute shows as
 * 0.02 hours.
 */
class SupplementCalculatorTest {

    private static final BigDecimal WAGE = new BigDecimal("250.00");

    private final SupplementCalculator calculator = new SupplementCalculator();
    private final HolidayCalendar calendar = new HolidayCalendar();
    private final AgreementRules kkStandard = TimesheetFixtures.kkStandard();

    @Test
    void contractExample() {
        Calculation calculation = calculate(
                "2027-03-26 15:00-23:30 NORMAL, 2027-03-27 22:00-06:00 OVERTIME", WAGE, kkStandard);

        assertThat(calculation.hourlyWage()).isEqualTo("250.00");
        assertThat(calculation.lines()).containsExactly(
                line("2027-03-26", Category.EVENING, "6.00", "0.3512", "526.80"),
                line("2027-03-26", Category.NIGHT, "0.50", "0.3926", "49.08"),
                line("2027-03-26", Category.SUNDAY_HOLIDAY, "8.50", "0.50", "1062.50"),
                line("2027-03-27", Category.OVERTIME_50, "2.00", "0.50", "250.00"),
                line("2027-03-28", Category.OVERTIME_100, "6.00", "1.00", "1500.00"));
        assertThat(calculation.totals()).containsExactly(
                entry(Category.EVENING, new BigDecimal("6.00")),
                entry(Category.NIGHT, new BigDecimal("0.50")),
                entry(Category.SUNDAY_HOLIDAY, new BigDecimal("8.50")),
                entry(Category.OVERTIME_50, new BigDecimal("2.00")),
                entry(Category.OVERTIME_100, new BigDecimal("6.00")));
        assertThat(calculation.totalAmount()).isEqualTo("3388.38");
        assertThat(calculation.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} -> [{2}]")
    @CsvSource(delimiter = ';', value = {
            // Wednesday 3 March 2027
            "night ends at 06:00           ; 2027-03-03 05:59-06:00 NORMAL ; 2027-03-03 NIGHT 0.02",
            "day starts at 06:00           ; 2027-03-03 06:00-06:01 NORMAL ;",
            "evening starts at 17:00       ; 2027-03-03 16:59-17:00 NORMAL ;",
            "evening at 17:00              ; 2027-03-03 17:00-17:01 NORMAL ; 2027-03-03 EVENING 0.02",
            "evening ends at 23:00         ; 2027-03-03 22:59-23:00 NORMAL ; 2027-03-03 EVENING 0.02",
            "night starts at 23:00         ; 2027-03-03 23:00-23:01 NORMAL ; 2027-03-03 NIGHT 0.02",
            "last minute of the day        ; 2027-03-03 23:59-00:00 NORMAL ; 2027-03-03 NIGHT 0.02",
            "first minute of the day       ; 2027-03-04 00:00-00:01 NORMAL ; 2027-03-04 NIGHT 0.02",
            "across midnight               ; 2027-03-03 23:59-00:01 NORMAL ; 2027-03-03 NIGHT 0.02, 2027-03-04 NIGHT 0.02",
            // Saturday 6 March 2027
            "Saturday night before 06:00   ; 2027-03-06 05:59-06:00 NORMAL ; 2027-03-06 NIGHT 0.02",
            "Saturday before 08:00         ; 2027-03-06 07:59-08:00 NORMAL ;",
            "Saturday from 08:00           ; 2027-03-06 08:00-08:01 NORMAL ; 2027-03-06 SATURDAY 0.02",
            "Saturday before evening       ; 2027-03-06 16:59-17:00 NORMAL ; 2027-03-06 SATURDAY 0.02",
            "Saturday evening              ; 2027-03-06 17:00-17:01 NORMAL ; 2027-03-06 EVENING 0.02, 2027-03-06 SATURDAY 0.02",
            "Saturday last evening minute  ; 2027-03-06 22:59-23:00 NORMAL ; 2027-03-06 EVENING 0.02, 2027-03-06 SATURDAY 0.02",
            "Saturday night                ; 2027-03-06 23:00-23:01 NORMAL ; 2027-03-06 NIGHT 0.02, 2027-03-06 SATURDAY 0.02",
            "Saturday into Sunday          ; 2027-03-06 23:59-00:01 NORMAL ; 2027-03-06 NIGHT 0.02, 2027-03-06 SATURDAY 0.02, 2027-03-07 NIGHT 0.02, 2027-03-07 SUNDAY_HOLIDAY 0.02",
            // Sunday 7 March 2027
            "Sunday at noon                ; 2027-03-07 12:00-12:01 NORMAL ; 2027-03-07 SUNDAY_HOLIDAY 0.02",
            "Sunday into Monday            ; 2027-03-07 23:59-00:01 NORMAL ; 2027-03-07 NIGHT 0.02, 2027-03-07 SUNDAY_HOLIDAY 0.02, 2027-03-08 NIGHT 0.02",
            // holidays
            "into Skærtorsdag              ; 2027-03-24 23:59-00:01 NORMAL ; 2027-03-24 NIGHT 0.02, 2027-03-25 NIGHT 0.02, 2027-03-25 SUNDAY_HOLIDAY 0.02",
            "Grundlovsdag (Fri) before 12  ; 2026-06-05 11:59-12:00 NORMAL ;",
            "Grundlovsdag (Fri) from 12    ; 2026-06-05 12:00-12:01 NORMAL ; 2026-06-05 SUNDAY_HOLIDAY 0.02",
            "Grundlovsdag (Sat) before 12  ; 2027-06-05 11:59-12:00 NORMAL ; 2027-06-05 SATURDAY 0.02",
            "Grundlovsdag (Sat) from 12    ; 2027-06-05 12:00-12:01 NORMAL ; 2027-06-05 SUNDAY_HOLIDAY 0.02",
            // 24 December 2026 is a Thursday
            "24 December before 16:00      ; 2026-12-24 15:59-16:00 NORMAL ;",
            "24 December evening from 16   ; 2026-12-24 16:00-16:01 NORMAL ; 2026-12-24 EVENING 0.02",
            "23 December at 16:00          ; 2026-12-23 16:00-16:01 NORMAL ;",
            "24 December evening ends 23   ; 2026-12-24 23:00-23:01 NORMAL ; 2026-12-24 NIGHT 0.02",
            // overtime
            "overtime before 06:00         ; 2027-03-03 05:59-06:00 OVERTIME ; 2027-03-03 OVERTIME_50 0.02",
            "overtime Saturday             ; 2027-03-06 08:00-08:01 OVERTIME ; 2027-03-06 OVERTIME_50 0.02",
            "overtime into Sunday          ; 2027-03-06 23:59-00:01 OVERTIME ; 2027-03-06 OVERTIME_50 0.02, 2027-03-07 OVERTIME_100 0.02",
            "overtime Grundlovsdag at 12   ; 2026-06-05 11:59-12:01 OVERTIME ; 2026-06-05 OVERTIME_50 0.02, 2026-06-05 OVERTIME_100 0.02",
    })
    void windowBoundaries(String description, String lines, String expected) {
        assertThat(hoursOf(calculate(lines, WAGE, kkStandard))).as(description)
                .containsExactlyElementsOf(expectation(expected));
    }

    @ParameterizedTest(name = "{0}: {1} -> [{2}]")
    @CsvSource(delimiter = ';', value = {
            "weekday day shift             ; 2027-03-03 08:00-16:00 NORMAL ;",
            "weekday evening into night    ; 2027-03-03 15:00-23:30 NORMAL ; 2027-03-03 EVENING 6.00, 2027-03-03 NIGHT 0.50",
            "weekday night to next morning ; 2027-03-03 22:00-07:00 NORMAL ; 2027-03-03 EVENING 1.00, 2027-03-03 NIGHT 1.00, 2027-03-04 NIGHT 6.00",
            "23 hours (end before start)   ; 2027-03-03 06:00-05:00 NORMAL ; 2027-03-03 EVENING 6.00, 2027-03-03 NIGHT 1.00, 2027-03-04 NIGHT 5.00",
            "ends at midnight before a holiday ; 2027-03-24 20:00-00:00 NORMAL ; 2027-03-24 EVENING 3.00, 2027-03-24 NIGHT 1.00",
            "Friday night into Saturday    ; 2027-01-08 22:00-09:00 NORMAL ; 2027-01-08 EVENING 1.00, 2027-01-08 NIGHT 1.00, 2027-01-09 NIGHT 6.00, 2027-01-09 SATURDAY 1.00",
            "Saturday night into Sunday    ; 2027-01-09 22:00-06:00 NORMAL ; 2027-01-09 EVENING 1.00, 2027-01-09 NIGHT 1.00, 2027-01-09 SATURDAY 2.00, 2027-01-10 NIGHT 6.00, 2027-01-10 SUNDAY_HOLIDAY 6.00",
            "24 December night into Juledag ; 2027-12-24 22:00-07:00 NORMAL ; 2027-12-24 EVENING 1.00, 2027-12-24 NIGHT 1.00, 2027-12-25 NIGHT 6.00, 2027-12-25 SUNDAY_HOLIDAY 7.00",
            "Langfredag all day            ; 2027-03-26 07:00-15:00 NORMAL ; 2027-03-26 SUNDAY_HOLIDAY 8.00",
            "holiday on a Saturday wins    ; 2027-05-01 10:00-18:00 NORMAL ; 2027-05-01 EVENING 1.00, 2027-05-01 SUNDAY_HOLIDAY 8.00",
            "Grundlovsdag Friday           ; 2026-06-05 08:00-16:00 NORMAL ; 2026-06-05 SUNDAY_HOLIDAY 4.00",
            "Grundlovsdag Saturday         ; 2027-06-05 08:00-16:00 NORMAL ; 2027-06-05 SATURDAY 4.00, 2027-06-05 SUNDAY_HOLIDAY 4.00",
            "24 December (Thursday)        ; 2026-12-24 14:00-22:00 NORMAL ; 2026-12-24 EVENING 6.00",
            "23 December, ordinary evening ; 2026-12-23 14:00-22:00 NORMAL ; 2026-12-23 EVENING 5.00",
            "24 December on a Saturday     ; 2022-12-24 14:00-22:00 NORMAL ; 2022-12-24 EVENING 6.00, 2022-12-24 SATURDAY 8.00",
            "31 December is ordinary       ; 2027-12-31 14:00-22:00 NORMAL ; 2027-12-31 EVENING 5.00",
            "two lines on one date add up  ; 2027-03-03 17:00-18:00 NORMAL, 2027-03-03 20:00-21:00 NORMAL ; 2027-03-03 EVENING 2.00",
            "lines are sorted by date      ; 2027-03-04 17:00-18:00 NORMAL, 2027-03-03 23:00-00:00 NORMAL ; 2027-03-03 NIGHT 1.00, 2027-03-04 EVENING 1.00",
            "overtime on a weekday         ; 2027-03-03 15:00-23:30 OVERTIME ; 2027-03-03 OVERTIME_50 8.50",
            "overtime on a Saturday        ; 2027-03-06 10:00-14:00 OVERTIME ; 2027-03-06 OVERTIME_50 4.00",
            "overtime on a Sunday          ; 2027-03-07 10:00-14:00 OVERTIME ; 2027-03-07 OVERTIME_100 4.00",
            "overtime on a holiday         ; 2027-03-25 10:00-14:00 OVERTIME ; 2027-03-25 OVERTIME_100 4.00",
            "overtime on Grundlovsdag      ; 2026-06-05 10:00-14:00 OVERTIME ; 2026-06-05 OVERTIME_50 2.00, 2026-06-05 OVERTIME_100 2.00",
            "overtime into a holiday       ; 2027-12-24 20:00-02:00 OVERTIME ; 2027-12-24 OVERTIME_50 4.00, 2027-12-25 OVERTIME_100 2.00",
            "normal and overtime one date  ; 2027-03-07 06:00-14:00 NORMAL, 2027-03-07 14:00-16:00 OVERTIME ; 2027-03-07 SUNDAY_HOLIDAY 8.00, 2027-03-07 OVERTIME_100 2.00",
    })
    void shifts(String description, String lines, String expected) {
        assertThat(hoursOf(calculate(lines, WAGE, kkStandard))).as(description)
                .containsExactlyElementsOf(expectation(expected));
    }

    @Test
    void theAmountIsRoundedOnceFromMinutesNotFromRoundedHours() {
        Calculation calculation = calculate("2027-03-03 17:00-17:20 NORMAL", WAGE, kkStandard);

        // 20/60 x 250 x 0.3512 = 29.2666...; from the rounded 0.33 hours it would be 28.97
        assertThat(calculation.lines())
                .containsExactly(line("2027-03-03", Category.EVENING, "0.33", "0.3512", "29.27"));
    }

    @Test
    void minutesOfOneDateAndCategoryArePricedTogether() {
        Calculation calculation = calculate(
                "2027-03-03 05:00-05:30 NORMAL, 2027-03-03 23:00-23:30 NORMAL", WAGE, kkStandard);

        // 60/60 x 250 x 0.3926 = 98.15; pricing each half hour alone would give 2 x 49.08 = 98.16
        assertThat(calculation.lines())
                .containsExactly(line("2027-03-03", Category.NIGHT, "1.00", "0.3926", "98.15"));
        assertThat(calculation.totalAmount()).isEqualTo("98.15");
    }

    @Test
    void totalsAreTheSumOfTheLinesShownHours() {
        Calculation calculation = calculate("2027-03-03 23:40-00:20 NORMAL", WAGE, kkStandard);

        assertThat(calculation.lines()).containsExactly(
                line("2027-03-03", Category.NIGHT, "0.33", "0.3926", "32.72"),
                line("2027-03-04", Category.NIGHT, "0.33", "0.3926", "32.72"));
        assertThat(calculation.totals()).containsExactly(entry(Category.NIGHT, new BigDecimal("0.66")));
        assertThat(calculation.totalAmount()).isEqualTo("65.44");
    }

    @Test
    void anUnroundedWageIsUsedExactly() {
        Calculation calculation = calculate("2027-03-03 17:00-18:00 NORMAL", new BigDecimal("259.87526"), kkStandard);

        // 259.87526 x 0.3512 = 91.268...
        assertThat(calculation.lines())
                .containsExactly(line("2027-03-03", Category.EVENING, "1.00", "0.3512", "91.27"));
    }

    @Test
    void noLinesGiveAnEmptyCalculation() {
        Calculation calculation = calculator.calculate(List.of(), WAGE, kkStandard, calendar);

        assertThat(calculation.lines()).isEmpty();
        assertThat(calculation.totals()).isEmpty();
        assertThat(calculation.totalAmount()).isEqualTo("0.00");
        assertThat(calculation.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "2027-03-03 17:00-17:01 NORMAL ; 2027-03-03 EVENING 0.50",
            "2027-03-03 17:00-17:30 NORMAL ; 2027-03-03 EVENING 0.50",
            "2027-03-03 17:00-17:31 NORMAL ; 2027-03-03 EVENING 1.00",
            "2027-03-03 22:50-23:10 NORMAL ; 2027-03-03 EVENING 0.50, 2027-03-03 NIGHT 0.50",
            "2027-03-03 17:00-17:10 NORMAL, 2027-03-03 18:00-18:10 NORMAL ; 2027-03-03 EVENING 0.50",
    })
    void perStartedHalfHourRoundsEachDateAndCategoryUp(String lines, String expected) {
        AgreementRules halfHour = new AgreementRules(CountingUnit.HALF_HOUR, kkStandard.eveningFrom(),
                kkStandard.eveningTo(), kkStandard.christmasEveEveningFrom(), kkStandard.nightFrom(),
                kkStandard.nightTo(), kkStandard.saturdayFrom(), kkStandard.rates());

        assertThat(hoursOf(calculate(lines, WAGE, halfHour))).containsExactlyElementsOf(expectation(expected));
    }

    @Test
    void endEqualToStartIsRejected() {
        List<TimesheetLine> lines = parseLines("2027-03-03 08:00-08:00 NORMAL");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(lines, WAGE, kkStandard, calendar))
                .withMessageContaining("end must differ from start");
    }

    @Test
    void aNegativeWageIsRejected() {
        List<TimesheetLine> lines = parseLines("2027-03-03 17:00-18:00 NORMAL");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(lines, new BigDecimal("-1"), kkStandard, calendar));
    }

    @Test
    void timesWithSecondsAreRejected() {
        List<TimesheetLine> lines = List.of(new TimesheetLine(
                LocalDate.parse("2027-03-03"), LocalTime.of(17, 0, 30), LocalTime.of(18, 0), Kind.NORMAL));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(lines, WAGE, kkStandard, calendar));
    }

    @Test
    void datesBeyondTheCalendarAreRejected() {
        List<TimesheetLine> lines = parseLines("2200-12-31 22:00-02:00 NORMAL");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(lines, WAGE, kkStandard, calendar));
    }

    private Calculation calculate(String lines, BigDecimal wage, AgreementRules rules) {
        return calculator.calculate(parseLines(lines), wage, rules, calendar);
    }

    /** "date CATEGORY hours" of every calculation line, in order. */
    private static List<String> hoursOf(Calculation calculation) {
        return calculation.lines().stream()
                .map(line -> line.date() + " " + line.category() + " " + line.hours())
                .toList();
    }

    private static List<String> expectation(String expected) {
        if (expected == null) {
            return List.of();
        }
        return Arrays.stream(expected.split(",")).map(String::strip).toList();
    }

    /** "2027-03-26 15:00-23:30 NORMAL, ..." */
    static List<TimesheetLine> parseLines(String lines) {
        return Arrays.stream(lines.split(","))
                .map(String::strip)
                .map(line -> {
                    String[] parts = line.split("[ -]+(?=\\d{2}:|[A-Z])");
                    return new TimesheetLine(LocalDate.parse(parts[0]), LocalTime.parse(parts[1]),
                            LocalTime.parse(parts[2]), Kind.valueOf(parts[3]));
                })
                .toList();
    }

    private static CalculationLine line(String date, Category category, String hours, String rate, String amount) {
        return new CalculationLine(LocalDate.parse(date), category,
                new BigDecimal(hours), new BigDecimal(rate), new BigDecimal(amount));
    }
}
