package dk.kk.ks.flow.dismissal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dk.kk.ks.flow.support.ConfiguredRules;

/** The notice rules as configured in dismissal-notice.yml. */
class NoticeCalculatorTest {

    private final NoticeCalculator calculator = new NoticeCalculator(
            ConfiguredRules.load("dismissal-notice.yml", "ksflow.dismissals.notice", NoticeRules.class));

    @Test
    void contractExample() {
        NoticeCalculation result = calculator.calculate(
                LocalDate.parse("2020-01-15"), LocalDate.parse("2022-11-10"), false);

        assertThat(result).isEqualTo(new NoticeCalculation(
                Period.parse("P2Y9M26D"), 4, 0, LocalDate.parse("2023-03-31"), 0));
    }

    @ParameterizedTest(name = "hired {0}, notice {1}: seniority {2} -> {3} months, ends {4}")
    @CsvSource(textBlock = """
            # hireDate, noticeDate, seniority,  months, terminationDate
            2022-03-15, 2022-03-15, P0D,        1, 2022-04-30
            2022-01-01, 2022-05-31, P4M30D,     1, 2022-06-30
            2022-01-01, 2022-06-01, P5M,        3, 2022-09-30
            2019-12-01, 2022-08-31, P2Y8M30D,   3, 2022-11-30
            2019-12-01, 2022-09-01, P2Y9M,      4, 2023-01-31
            2016-12-01, 2022-07-31, P5Y7M30D,   4, 2022-11-30
            2016-12-01, 2022-08-01, P5Y8M,      5, 2023-01-31
            2014-01-01, 2022-07-31, P8Y6M30D,   5, 2022-12-31
            2014-01-01, 2022-08-01, P8Y7M,      6, 2023-02-28
            1990-01-01, 2022-08-01, P32Y7M,     6, 2023-02-28
            """)
    void noticeMonthsOnBothSidesOfEveryThreshold(
            LocalDate hireDate, LocalDate noticeDate, Period seniority, int months, LocalDate terminationDate) {
        NoticeCalculation result = calculator.calculate(hireDate, noticeDate, false);

        assertThat(result.seniority()).isEqualTo(seniority);
        assertThat(result.noticeMonths()).isEqualTo(months);
        assertThat(result.noticeDays()).isZero();
        assertThat(result.terminationDate()).isEqualTo(terminationDate);
    }

    /**
     * Seniority is Period.between, so a hire date on the 31st reaches "5 months" only when Period.between says so,
     * not on the clamped hireDate.plusMonths(5) (30 June), which Period.between counts as 4 months 30 days.
     */
    @ParameterizedTest(name = "hired {0}, notice {1}: seniority {2} -> {3} months")
    @CsvSource(textBlock = """
            # hireDate, noticeDate, seniority, months, terminationDate
            2019-01-31, 2019-06-30, P4M30D,    1, 2019-07-31
            2019-01-31, 2019-07-01, P5M1D,     3, 2019-10-31
            """)
    void seniorityFromTheThirtyFirstFollowsPeriodBetween(
            LocalDate hireDate, LocalDate noticeDate, Period seniority, int months, LocalDate terminationDate) {
        NoticeCalculation result = calculator.calculate(hireDate, noticeDate, false);

        assertThat(result.seniority()).isEqualTo(seniority);
        assertThat(result.noticeMonths()).isEqualTo(months);
        assertThat(result.terminationDate()).isEqualTo(terminationDate);
    }

    @ParameterizedTest(name = "notice {1} + {2} months -> {3}")
    @CsvSource(textBlock = """
            # hireDate, noticeDate, months, terminationDate
            # 31 January + 1 month is clamped to the end of February, in non-leap and leap years
            2022-12-01, 2023-01-31, 1, 2023-02-28
            2023-12-01, 2024-01-31, 1, 2024-02-29
            # 30 November + 3 months falls in February
            2022-01-01, 2022-11-30, 3, 2023-02-28
            2023-01-01, 2023-11-30, 3, 2024-02-29
            # notice on 28 and 29 February
            2022-12-01, 2023-02-28, 1, 2023-03-31
            2023-12-01, 2024-02-28, 1, 2024-03-31
            2023-12-01, 2024-02-29, 1, 2024-03-31
            # notice on the first of a month still runs to the end of the month reached
            2022-01-01, 2023-03-01, 3, 2023-06-30
            # across the year end
            2022-01-01, 2022-12-15, 3, 2023-03-31
            """)
    void terminationIsTheLastDayOfTheMonthReached(
            LocalDate hireDate, LocalDate noticeDate, int months, LocalDate terminationDate) {
        NoticeCalculation result = calculator.calculate(hireDate, noticeDate, false);

        assertThat(result.noticeMonths()).isEqualTo(months);
        assertThat(result.terminationDate()).isEqualTo(terminationDate);
    }

    @ParameterizedTest(name = "probation: hired {0}, notice {1} -> ends {3}")
    @CsvSource(textBlock = """
            # hireDate, noticeDate, seniority, terminationDate
            2024-01-15, 2024-02-20, P1M5D,     2024-03-05
            2023-01-15, 2023-02-20, P1M5D,     2023-03-06
            2024-03-01, 2024-03-01, P0D,       2024-03-15
            2024-11-01, 2024-12-25, P1M24D,    2025-01-08
            """)
    void probationGivesFourteenDaysToAnyDay(
            LocalDate hireDate, LocalDate noticeDate, Period seniority, LocalDate terminationDate) {
        NoticeCalculation result = calculator.calculate(hireDate, noticeDate, true);

        assertThat(result).isEqualTo(new NoticeCalculation(seniority, 0, 14, terminationDate, 0));
    }

    /**
     * Probation covers the first three months: it ends the day before the hire date's day of the month three months
     * on, or at the end of that month where it has no such day.
     */
    @ParameterizedTest(name = "probation agreed: hired {0}, notice {1} -> {2} days, {3} months, ends {4}")
    @CsvSource(textBlock = """
            # hireDate, noticeDate, noticeDays, noticeMonths, terminationDate
            2027-02-02, 2027-05-01, 14, 0, 2027-05-15
            2027-02-02, 2027-05-02,  0, 1, 2027-06-30
            2027-01-31, 2027-04-30, 14, 0, 2027-05-14
            2027-01-31, 2027-05-01,  0, 1, 2027-06-30
            2026-11-30, 2027-02-28, 14, 0, 2027-03-14
            2026-11-30, 2027-03-01,  0, 1, 2027-04-30
            2027-11-30, 2028-02-29, 14, 0, 2028-03-14
            2027-11-30, 2028-03-01,  0, 1, 2028-04-30
            2027-03-01, 2027-05-31, 14, 0, 2027-06-14
            2027-03-01, 2027-06-01,  0, 1, 2027-07-31
            """)
    void probationEndsAfterTheFirstThreeMonths(LocalDate hireDate, LocalDate noticeDate, int noticeDays, int noticeMonths,
            LocalDate terminationDate) {
        NoticeCalculation result = calculator.calculate(hireDate, noticeDate, true);

        assertThat(result.noticeDays()).isEqualTo(noticeDays);
        assertThat(result.noticeMonths()).isEqualTo(noticeMonths);
        assertThat(result.terminationDate()).isEqualTo(terminationDate);
    }

    @ParameterizedTest(name = "hired {0}, notice {1}: {5} at termination {3} -> severance {4}")
    @CsvSource(textBlock = """
            # hireDate, noticeDate, seniority, terminationDate, severanceMonths, seniorityAtTermination
            2011-06-30, 2022-11-15, P11Y4M16D, 2023-05-31, 0, P11Y11M1D
            2011-06-01, 2022-11-15, P11Y5M14D, 2023-05-31, 0, P11Y11M30D
            2011-05-31, 2022-11-15, P11Y5M15D, 2023-05-31, 1, P12Y
            2006-06-01, 2022-11-15, P16Y5M14D, 2023-05-31, 1, P16Y11M30D
            2006-05-31, 2022-11-15, P16Y5M15D, 2023-05-31, 3, P17Y
            # under 12 (17) years when notice is given, reached by the termination date
            2011-03-01, 2022-11-10, P11Y8M9D,  2023-05-31, 1, P12Y2M30D
            2006-03-01, 2022-11-10, P16Y8M9D,  2023-05-31, 3, P17Y2M30D
            1990-01-01, 2022-11-10, P32Y10M9D, 2023-05-31, 3, P33Y4M30D
            """)
    void severanceIsCountedAtTheTerminationDate(LocalDate hireDate, LocalDate noticeDate, Period seniority,
            LocalDate terminationDate, int severanceMonths, Period seniorityAtTermination) {
        NoticeCalculation result = calculator.calculate(hireDate, noticeDate, false);

        assertThat(Period.between(hireDate, result.terminationDate())).isEqualTo(seniorityAtTermination);
        assertThat(result).isEqualTo(
                new NoticeCalculation(seniority, 6, 0, terminationDate, severanceMonths));
    }

    @ParameterizedTest(name = "probation {0}")
    @ValueSource(booleans = {false, true})
    void noticeBeforeHireIsRejected(boolean probation) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calculator.calculate(
                        LocalDate.parse("2020-01-15"), LocalDate.parse("2020-01-14"), probation))
                .withMessage("noticeDate 2020-01-14 is before hireDate 2020-01-15");
    }

    @Test
    void missingDatesAreRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> calculator.calculate(null, LocalDate.parse("2020-01-14"), false))
                .withMessage("hireDate");
        assertThatNullPointerException()
                .isThrownBy(() -> calculator.calculate(LocalDate.parse("2020-01-14"), null, false))
                .withMessage("noticeDate");
    }
}
