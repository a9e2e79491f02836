package dk.kk.ks.flow.dismissal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring, with the import line that application.yml needs. */
class NoticeConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(NoticeConfiguration.class);

    @Test
    void importedYamlConfiguresTheCalculator() {
        runner.withPropertyValues("spring.config.import=classpath:dismissal-notice.yml")
                .run(context -> assertThat(context.getBean(NoticeCalculator.class)
                        .calculate(LocalDate.parse("2020-01-15"), LocalDate.parse("2022-11-10"), false)
                        .noticeMonths()).isEqualTo(4));
    }

    @Test
    void environmentOverridesTheYaml() {
        runner.withPropertyValues("spring.config.import=classpath:dismissal-notice.yml",
                        "ksflow.dismissals.notice.probation-days=10")
                .run(context -> assertThat(context.getBean(NoticeRules.class).probationDays()).isEqualTo(10));
    }

}
