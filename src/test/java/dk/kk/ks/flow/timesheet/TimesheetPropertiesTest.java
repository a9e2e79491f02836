package dk.kk.ks.flow.timesheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TimesheetPropertiesTest {

    @Test
    void kkStandardIsBoundFromTheAgreementsFile() {
        AgreementRules rules = TimesheetFixtures.kkStandard();

        assertThat(rules.countingUnit()).isEqualTo(CountingUnit.MINUTE);
        assertThat(rules.eveningFrom()).isEqualTo(LocalTime.of(17, 0));
        assertThat(rules.eveningTo()).isEqualTo(LocalTime.of(23, 0));
        assertThat(rules.christmasEveEveningFrom()).isEqualTo(LocalTime.of(16, 0));
        assertThat(rules.nightFrom()).isEqualTo(LocalTime.of(23, 0));
        assertThat(rules.nightTo()).isEqualTo(LocalTime.of(6, 0));
        assertThat(rules.saturdayFrom()).isEqualTo(LocalTime.of(8, 0));
        // BigDecimal.equals compares the scale too: the rates keep their configured decimals
        assertThat(rules.rates()).containsExactly(
                entry(Category.EVENING, new BigDecimal("0.3512")),
                entry(Category.NIGHT, new BigDecimal("0.3926")),
                entry(Category.SATURDAY, new BigDecimal("0.3171")),
                entry(Category.SUNDAY_HOLIDAY, new BigDecimal("0.50")),
                entry(Category.OVERTIME_50, new BigDecimal("0.50")),
                entry(Category.OVERTIME_100, new BigDecimal("1.00")));
    }

    @Test
    void warningLimitsAndAnnualHoursAreBoundFromTheAgreementsFile() {
        TimesheetProperties properties = TimesheetFixtures.properties();

        assertThat(properties.agreements()).containsOnlyKeys(Agreements.KK_STANDARD);
        assertThat(properties.annualHours()).isEqualByComparingTo("1924");
        assertThat(properties.warnings().maxLineDuration()).isEqualTo(Duration.ofHours(13));
        assertThat(properties.warnings().maxAgeDays()).isEqualTo(90);
    }

    @ParameterizedTest(name = "annual salary {0} gives {1} an hour")
    @CsvSource({
            "481000.00, 250.00",
            "500000,    259.88", // 259.87526
            "0,         0.00",
            "1924.0962, 1.00",   // 1.000049... rounds down
    })
    void hourlyWageIsAnnualSalaryOver1924RoundedToOere(BigDecimal annualSalary, BigDecimal expected) {
        assertThat(TimesheetFixtures.properties().hourlyWage(annualSalary)).isEqualTo(expected);
    }

    @Test
    void theConfigurationCreatesTheTimesheetBeansFromTheImportedFile() {
        new ApplicationContextRunner()
                .withInitializer(context -> TimesheetFixtures.agreementsFile()
                        .forEach(context.getEnvironment().getPropertySources()::addLast))
                .withUserConfiguration(TimesheetConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed()
                            .hasSingleBean(SupplementCalculator.class)
                            .hasSingleBean(TimesheetWarnings.class);
                    assertThat(context.getBean(Agreements.class).get(Agreements.KK_STANDARD))
                            .isEqualTo(TimesheetFixtures.kkStandard());
                });
    }

    @Test
    void withoutTheFileTheApplicationStillStartsButKnowsNoAgreement() {
        new ApplicationContextRunner()
                .withUserConfiguration(TimesheetConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Agreements.class).codes()).isEmpty();
                    TimesheetProperties properties = context.getBean(TimesheetProperties.class);
                    assertThat(properties.annualHours()).isEqualByComparingTo("1924");
                    assertThat(properties.warnings().maxLineDuration()).isEqualTo(Duration.ofHours(13));
                    assertThat(properties.warnings().maxAgeDays()).isEqualTo(90);
                });
    }

    @Test
    void anIncompleteAgreementFailsAtStartup() {
        new ApplicationContextRunner()
                .withPropertyValues(
                        "ksflow.timesheets.agreements.[BROKEN].counting-unit=MINUTE",
                        "ksflow.timesheets.agreements.[BROKEN].evening-from=17:00")
                .withUserConfiguration(TimesheetConfiguration.class)
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("eveningTo"));
    }
}
