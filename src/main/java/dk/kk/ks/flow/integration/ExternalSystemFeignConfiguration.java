package dk.kk.ks.flow.integration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import feign.RetryableException;
import feign.Retryer;
import feign.auth.BasicAuthRequestInterceptor;
import feign.codec.ErrorDecoder;

/**
 * Shared Feign configuration of every external system's client (not a global @Configuration: each
 * client's own context instantiates it, named by the client's context id). A context id is the
 * system's name ({@code servicenow}), or the system's name followed by the part of it in camel case
 * ({@code opusDebitor}, {@code opusLon}): both use the settings of {@code ksflow.systems.opus}.
 * Feign itself never retries (nor does the HTTP client under it, see ExternalSystemHttpClientConfiguration):
 * the engine retries the whole job, with its configured cycle.
 */
public class ExternalSystemFeignConfiguration {

    @Bean
    BasicAuthRequestInterceptor basicAuth(ExternalSystemsProperties properties,
                                          @Value("${spring.cloud.openfeign.client.name}") String contextId) {
        ExternalSystemsProperties.System settings = properties.system(systemOf(contextId));
        return new BasicAuthRequestInterceptor(settings.username(), settings.password());
    }

    @Bean
    ErrorDecoder errorDecoder(@Value("${spring.cloud.openfeign.client.name}") String contextId) {
        return new ExternalErrorDecoder(systemOf(contextId));
    }

    static String systemOf(String contextId) {
        return contextId.split("(?=[A-Z])", 2)[0];
    }

    @Bean
    Retryer retryer(@Value("${spring.cloud.openfeign.client.name}") String contextId) {
        return new NoRetry(systemOf(contextId));
    }

    /**
     * Never retries; a call that got no answer (timeout, refused connection) becomes an
     * ExternalSystemUnavailableException whose message names the system, not the URL.
     */
    record NoRetry(String system) implements Retryer {

        @Override
        public void continueOrPropagate(RetryableException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ExternalSystemUnavailableException(system, 0,
                    system + " did not answer " + e.method() + " (" + cause.getClass().getSimpleName() + ")");
        }

        @Override
        public Retryer clone() {
            return this;
        }
    }
}
