package dk.kk.ks.flow.resignation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.ks.flow.support.ConfiguredRules;

class HolidayRulesTest {

    private final HolidayRules configured =
            ConfiguredRules.load("resignation-holiday.yml", "ksflow.resignations.holiday", HolidayRules.class);

    @Test
    void yamlHoldsFerielovensNumbers() {
        assertThat(configured.daysEarnedPerMonth()).isEqualTo("2.08");
        assertThat(configured.workingDaysPerYear()).isEqualTo("260");
        assertThat(configured.holidayYearStart()).isEqualTo(Month.SEPTEMBER);
    }

    @ParameterizedTest(name = "{0} is in the holiday year from {1}")
    @CsvSource(textBlock = """
            2026-08-31, 2025-09-01
            2026-09-01, 2026-09-01
            2026-12-31, 2026-09-01
            2027-01-01, 2026-09-01
            2024-02-29, 2023-09-01
            """)
    void holidayYearStart(LocalDate day, LocalDate start) {
        assertThat(configured.holidayYearStartFor(day)).isEqualTo(start);
    }

    @Test
    void changedNumbersChangeTheCalculation() {
        HolidayRules calendarYear = new HolidayRules(new BigDecimal("2.5"), new BigDecimal("250"), Month.JANUARY);

        AdvanceHoliday result = new AdvanceHolidayCalculator(calendarYear).calculate(
                LocalDate.parse("2020-01-01"), LocalDate.parse("2027-02-28"), new BigDecimal("6"),
                new BigDecimal("500000"));

        assertThat(result).isEqualTo(new AdvanceHoliday(
                new BigDecimal("5.00"), new BigDecimal("1.00"), new BigDecimal("2000.00"),
                LocalDate.parse("2027-01-01")));
    }

    @Test
    void missingOrNonPositiveNumbersAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HolidayRules(null, new BigDecimal("260"), Month.SEPTEMBER))
                .withMessageStartingWith("ksflow.resignations.holiday.days-earned-per-month must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HolidayRules(new BigDecimal("2.08"), BigDecimal.ZERO, Month.SEPTEMBER))
                .withMessageStartingWith("ksflow.resignations.holiday.working-days-per-year must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HolidayRules(new BigDecimal("2.08"), new BigDecimal("260"), null))
                .withMessage("ksflow.resignations.holiday.holiday-year-start is required");
    }
}
