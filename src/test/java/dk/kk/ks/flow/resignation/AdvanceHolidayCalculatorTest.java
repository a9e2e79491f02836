package dk.kk.ks.flow.resignation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.ks.flow.support.ConfiguredRules;

/** Ferie på forskud with the numbers configured in resignation-holiday.yml. */
class AdvanceHolidayCalculatorTest {

    private static final LocalDate LONG_AGO = LocalDate.parse("2020-01-01");
    private static final BigDecimal SALARY = new BigDecimal("400000.00");

    private final AdvanceHolidayCalculator calculator = new AdvanceHolidayCalculator(
            ConfiguredRules.load("resignation-holiday.yml", "ksflow.resignations.holiday", HolidayRules.class));

    @ParameterizedTest(name = "hired {0}, last day {1}: {2} earned since {3}")
    @CsvSource(textBlock = """
            # hireDate, lastWorkingDay, earnedDays, holidayYearStart
            # whole holiday year: 12 x 2.08
            2020-01-01, 2027-08-31, 24.96, 2026-09-01
            2026-09-01, 2027-08-31, 24.96, 2026-09-01
            # a new holiday year: 2.08 x 1/30 = 0.0693
            2020-01-01, 2027-09-01,  0.07, 2027-09-01
            # last day of a month vs first of the next
            2020-01-01, 2026-09-30,  2.08, 2026-09-01
            2020-01-01, 2026-10-01,  2.15, 2026-09-01
            2020-01-01, 2026-10-31,  4.16, 2026-09-01
            2020-01-01, 2026-11-01,  4.23, 2026-09-01
            2020-01-01, 2026-12-31,  8.32, 2026-09-01
            2020-01-01, 2027-01-01,  8.39, 2026-09-01
            # February: 2.08 x (5 + 15/29) = 11.4759 in a leap year, 2.08 x (5 + 15/28) = 11.5143 otherwise
            2020-01-01, 2024-02-15, 11.48, 2023-09-01
            2020-01-01, 2023-02-15, 11.51, 2022-09-01
            2020-01-01, 2024-02-28, 12.41, 2023-09-01
            2020-01-01, 2024-02-29, 12.48, 2023-09-01
            2020-01-01, 2023-02-28, 12.48, 2022-09-01
            2020-01-01, 2024-03-01, 12.55, 2023-09-01
            # hired inside the holiday year: 2.08 x (16/31 + 3) = 7.3135
            2026-10-16, 2027-01-31,  7.31, 2026-09-01
            # hired and leaving in the same month: 2.08 x 11/31, and 2.08 x 1/31
            2026-10-10, 2026-10-20,  0.74, 2026-09-01
            2026-10-10, 2026-10-10,  0.07, 2026-09-01
            # hired in the last month of the holiday year: 2.08 x 17/31
            2027-08-15, 2027-08-31,  1.14, 2026-09-01
            # hired in the previous holiday year: only from 1 September, 2.08 x 15/30
            2026-08-20, 2026-09-15,  1.04, 2026-09-01
            # hired inside a leap February: 2.08 x (20/29 + 20/31) = 2.7764, else 2.08 x (19/28 + 20/31) = 2.7534
            2024-02-10, 2024-03-20,  2.78, 2023-09-01
            2023-02-10, 2023-03-20,  2.75, 2022-09-01
            """)
    void earnedDays(LocalDate hireDate, LocalDate lastWorkingDay, BigDecimal earnedDays, LocalDate holidayYearStart) {
        AdvanceHoliday result = calculator.calculate(hireDate, lastWorkingDay, BigDecimal.ZERO, SALARY);

        assertThat(result.earnedDays()).isEqualTo(earnedDays);
        assertThat(result.holidayYearStart()).isEqualTo(holidayYearStart);
    }

    /**
     * 2.08 x (28/30 + 2/31) = 2.0755 -> 2.08. Rounding each month first would give 1.94 + 0.13 = 2.07, and rounding
     * the fractions first 2.08 x (0.93 + 0.06) = 2.06.
     */
    @Test
    void earnedDaysAreRoundedOnlyAtTheEnd() {
        AdvanceHoliday result = calculator.calculate(
                LocalDate.parse("2026-09-03"), LocalDate.parse("2026-10-02"), BigDecimal.ZERO, SALARY);

        assertThat(result.earnedDays()).isEqualTo("2.08");
    }

    @ParameterizedTest(name = "last day {0}, taken {1}, salary {2}: earned {3}, advance {4}, deduction {5}")
    @CsvSource(textBlock = """
            # lastWorkingDay, daysTaken, annualSalary, earnedDays, advanceDays, deduction
            # 5 months: 10.40 earned, 13.40 taken -> exactly 3 advance days x 520000 / 260 = 6000.00
            2027-01-31, 13.40, 520000,    10.40, 3.00,    6000.00
            # the CONTRACT's figures: 9 months = 18.72 earned, 21.84 taken -> 3.12 x 400000 / 260 = 4800.00
            2027-05-31, 21.84, 400000.00, 18.72, 3.12,    4800.00
            # earned exceeds or equals taken: nothing in advance
            2027-05-31, 15,    400000.00, 18.72, 0.00,       0.00
            2027-05-31, 18.72, 400000.00, 18.72, 0.00,       0.00
            2027-09-01, 0,     400000.00,  0.07, 0.00,       0.00
            # 0.01 x 400000 / 260 = 15.3846
            2027-05-31, 18.73, 400000.00, 18.72, 0.01,      15.38
            # 0.13 x 400010 / 260 = 200.005, half up
            2027-05-31, 18.85, 400010.00, 18.72, 0.13,     200.01
            # whole days taken: 2.92 x 390000 / 260 = 4380.00
            2026-09-30, 5,     390000,     2.08, 2.92,    4380.00
            # a full holiday year taken on the first day of the next one
            2027-09-01, 25,    520000,     0.07, 24.93,  49860.00
            """)
    void advanceDaysAndDeduction(LocalDate lastWorkingDay, BigDecimal daysTaken, BigDecimal annualSalary,
            BigDecimal earnedDays, BigDecimal advanceDays, BigDecimal deduction) {
        AdvanceHoliday result = calculator.calculate(LONG_AGO, lastWorkingDay, daysTaken, annualSalary);

        assertThat(result.earnedDays()).isEqualTo(earnedDays);
        assertThat(result.advanceDays()).isEqualTo(advanceDays);
        assertThat(result.deduction()).isEqualTo(deduction);
    }

    @Test
    void lastWorkingDayBeforeHireIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(
                        LocalDate.parse("2027-01-15"), LocalDate.parse("2027-01-14"), BigDecimal.ZERO, SALARY))
                .withMessage("lastWorkingDay 2027-01-14 is before hireDate 2027-01-15");
    }

    @Test
    void negativeFiguresAreRejected() {
        LocalDate lastWorkingDay = LocalDate.parse("2027-01-14");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(LONG_AGO, lastWorkingDay, new BigDecimal("-1"), SALARY))
                .withMessage("daysTakenThisHolidayYear must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(LONG_AGO, lastWorkingDay, BigDecimal.ONE, new BigDecimal("-1")))
                .withMessage("annualSalary must not be negative");
    }

    @Test
    void missingInputIsRejected() {
        LocalDate day = LocalDate.parse("2027-01-14");
        assertThatNullPointerException()
                .isThrownBy(() -> calculator.calculate(null, day, BigDecimal.ONE, SALARY)).withMessage("hireDate");
        assertThatNullPointerException()
                .isThrownBy(() -> calculator.calculate(day, null, BigDecimal.ONE, SALARY)).withMessage("lastWorkingDay");
        assertThatNullPointerException()
                .isThrownBy(() -> calculator.calculate(day, day, null, SALARY)).withMessage("daysTakenThisHolidayYear");
        assertThatNullPointerException()
                .isThrownBy(() -> calculator.calculate(day, day, BigDecimal.ONE, null)).withMessage("annualSalary");
    }
}
