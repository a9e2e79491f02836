package dk.kk.ks.flow.resignation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link HolidayRules} from {@code ksflow.resignations.holiday} and offers the {@link AdvanceHolidayCalculator}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HolidayRules.class)
class AdvanceHolidayConfiguration {

    @Bean
    AdvanceHolidayCalculator advanceHolidayCalculator(HolidayRules holidayRules) {
        return new AdvanceHolidayCalculator(holidayRules);
    }
}
