package dk.kk.ks.flow.timesheet;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimesheetProperties.class)
class TimesheetConfiguration {

    @Bean
    Agreements agreements(TimesheetProperties properties) {
        return new Agreements(properties.agreements());
    }

    @Bean
    SupplementCalculator supplementCalculator() {
        return new SupplementCalculator();
    }

    @Bean
    TimesheetWarnings timesheetWarnings(TimesheetProperties properties) {
        return new TimesheetWarnings(
                properties.warnings().maxLineDuration(), properties.warnings().maxAgeDays());
    }
}
