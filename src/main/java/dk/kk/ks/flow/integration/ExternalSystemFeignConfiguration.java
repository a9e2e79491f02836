package dk.kk.ks.flow.integration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import feign.Retryer;
import feign.auth.BasicAuthRequestInterceptor;
import feign.codec.ErrorDecoder;

/**
 * Shared Feign configuration of every external system's client (not a global @Configuration: each
 * client's own context instantiates it, with the client's name, which is the system's name).
 * Feign itself never retries (nor does the HTTP client under it, see ExternalSystemHttpClientConfiguration):
 * the engine retries the whole job, with its configured cycle.
 */
public class ExternalSystemFeignConfiguration {

    @Bean
    BasicAuthRequestInterceptor basicAuth(ExternalSystemsProperties properties,
                                          @Value("${spring.cloud.openfeign.client.name}") String system) {
        ExternalSystemsProperties.System settings = properties.system(system);
        return new BasicAuthRequestInterceptor(settings.username(), settings.password());
    }

    @Bean
    ErrorDecoder errorDecoder(@Value("${spring.cloud.openfeign.client.name}") String system) {
        return new ExternalErrorDecoder(system);
    }

    @Bean
    Retryer retryer() {
        return Retryer.NEVER_RETRY;
    }
}
