package dk.kk.ks.flow.sandbox;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the SandboxFilter in front of every simulator (after Spring Security, so callers are authenticated first). */
@Configuration
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class SandboxConfiguration {

    @Bean
    FilterRegistrationBean<SandboxFilter> sandboxFilter(SandboxSystems systems, ObjectMapper objectMapper, Clock clock) {
        FilterRegistrationBean<SandboxFilter> registration = new FilterRegistrationBean<>(new SandboxFilter(systems, objectMapper, clock));
        registration.addUrlPatterns("/sandbox/*");
        return registration;
    }
}
