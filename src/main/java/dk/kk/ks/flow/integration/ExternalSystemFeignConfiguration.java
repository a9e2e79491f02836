package dk.kk.ks.flow.integration;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.cloud.openfeign.support.HttpMessageConverterCustomizer;
import org.springframework.cloud.openfeign.support.ResponseEntityDecoder;
import org.springframework.cloud.openfeign.support.SpringDecoder;
import org.springframework.context.annotation.Bean;

import feign.RetryableException;
import feign.Retryer;
import feign.auth.BasicAuthRequestInterceptor;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.optionals.OptionalDecoder;

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

    /**
     * Spring Cloud OpenFeign's decoder, as its default, but with the message converters and their customizers
     * looked up once: the default asks the bean factory for them again on every answer (a tenth of a call's CPU
     * in the benchmark's profile). Its encoder needs no such bean: it keeps the converters after the first call.
     */
    @Bean
    Decoder decoder(ObjectProvider<HttpMessageConverters> converters, ObjectProvider<HttpMessageConverterCustomizer> customizers) {
        HttpMessageConverters resolved = converters.getObject();
        return new OptionalDecoder(new ResponseEntityDecoder(new SpringDecoder(() -> resolved, fixed(customizers))));
    }

    /**
     * The beans the provider has now, as a provider that never asks the bean factory again; in the order the
     * default decoder applies them (registration order, as {@code forEach} gives them).
     */
    static <T> ObjectProvider<T> fixed(ObjectProvider<T> provider) {
        List<T> beans = provider.stream().toList();
        return new ObjectProvider<>() {
            @Override
            public Stream<T> stream() {
                return beans.stream();
            }

            @Override
            public Stream<T> orderedStream() {
                return beans.stream();
            }
        };
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
