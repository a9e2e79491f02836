package dk.kk.ks.flow.dismissal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.ks.flow.dismissal.NoticeRules.SeveranceStep;
import dk.kk.ks.flow.dismissal.NoticeRules.Step;
import dk.kk.ks.flow.support.ConfiguredRules;

class NoticeRulesTest {

    private static final List<Step> STEPS = List.of(new Step(Period.ofMonths(5), 1), new Step(Period.ofYears(2), 3));

    @Test
    void yamlHoldsFunktionaerlovensNumbers() {
        NoticeRules rules = ConfiguredRules.load("dismissal-notice.yml", "ksflow.dismissals.notice", NoticeRules.class);

        assertThat(rules).isEqualTo(new NoticeRules(
                List.of(new Step(Period.parse("P5M"), 1), new Step(Period.parse("P2Y9M"), 3),
                        new Step(Period.parse("P5Y8M"), 4), new Step(Period.parse("P8Y7M"), 5)),
                6,
                14,
                List.of(new SeveranceStep(Period.parse("P12Y"), 1), new SeveranceStep(Period.parse("P17Y"), 3))));
    }

    @ParameterizedTest(name = "{0} -> {1} months")
    @CsvSource(textBlock = """
            P0D,    1
            P4M30D, 1
            P5M,    3
            P1Y11M, 3
            P2Y,    4
            P24M,   4
            P40Y,   4
            """)
    void thresholdsCompareByLengthWhateverTheirSpelling(Period seniority, int months) {
        NoticeRules rules = new NoticeRules(STEPS, 4, 14, List.of());

        assertThat(rules.noticeMonthsFor(seniority)).isEqualTo(months);
    }

    @Test
    void changedNumbersChangeTheCalculation() {
        NoticeRules rules = new NoticeRules(STEPS, 4, 10, List.of(new SeveranceStep(Period.ofYears(1), 2)));
        NoticeCalculator calculator = new NoticeCalculator(rules);

        assertThat(calculator.calculate(LocalDate.parse("2020-01-15"), LocalDate.parse("2022-11-10"), false))
                .isEqualTo(new NoticeCalculation(Period.parse("P2Y9M26D"), 4, 0, LocalDate.parse("2023-03-31"), 2));
        assertThat(calculator.calculate(LocalDate.parse("2022-11-01"), LocalDate.parse("2022-11-10"), true))
                .isEqualTo(new NoticeCalculation(Period.parse("P9D"), 0, 10, LocalDate.parse("2022-11-20"), 0));
    }

    @Test
    void missingStepsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NoticeRules(null, 6, 14, List.of()))
                .withMessageContaining("ksflow.dismissals.notice.steps must not be empty");
    }

    @Test
    void stepsOutOfOrderAreRejected() {
        List<Step> descending = List.of(new Step(Period.ofYears(2), 3), new Step(Period.ofMonths(24), 4));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NoticeRules(descending, 6, 14, List.of()))
                .withMessageContaining("ksflow.dismissals.notice.steps must be in strictly ascending order");
    }

    @Test
    void severanceOutOfOrderIsRejected() {
        List<SeveranceStep> descending = List.of(
                new SeveranceStep(Period.ofYears(17), 3), new SeveranceStep(Period.ofYears(12), 1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NoticeRules(STEPS, 6, 14, descending))
                .withMessageContaining("ksflow.dismissals.notice.severance must be in strictly ascending order");
    }

    @Test
    void probationWithoutDaysIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NoticeRules(STEPS, 6, 0, List.of()))
                .withMessage("ksflow.dismissals.notice.probation-days must be positive");
    }
}
