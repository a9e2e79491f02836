package dk.kk.ks.flow.resignation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring, with the import line that application.yml needs. */
class AdvanceHolidayConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(AdvanceHolidayConfiguration.class);

    @Test
    void importedYamlConfiguresTheCalculator() {
        runner.withPropertyValues("spring.config.import=classpath:resignation-holiday.yml")
                .run(context -> assertThat(context.getBean(AdvanceHolidayCalculator.class)
                        .calculate(LocalDate.parse("2020-01-01"), LocalDate.parse("2027-08-31"),
                                BigDecimal.ZERO, BigDecimal.ONE)
                        .earnedDays()).isEqualTo("24.96"));
    }

}
