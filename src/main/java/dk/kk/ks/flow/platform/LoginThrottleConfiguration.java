package dk.kk.ks.flow.platform;

import java.time.Clock;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The login throttle, as a servlet filter just in front of Spring Security (so before any password is checked). */
@Configuration
class LoginThrottleConfiguration {

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties, Clock clock) {
        return new LoginThrottle(properties, clock);
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper,
                                                                    CamundaBpmProperties camunda) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
                new LoginThrottleFilter(throttle, objectMapper, camunda.getWebapp().getApplicationPath()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
