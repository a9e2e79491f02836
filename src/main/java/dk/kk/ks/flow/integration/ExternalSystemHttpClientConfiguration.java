package dk.kk.ks.flow.integration;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.cloud.openfeign.clientconfig.HttpClient5FeignConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Apache HttpClient 5 under every Feign client. Left at its defaults it re-sends a request answered
 * with 429 or 503 (after Retry-After, or one second) and re-sends idempotent requests after some I/O
 * errors, below Feign's Retryer: a payout POST would reach Opus twice, and a job thread could sleep
 * for whatever Retry-After a system sends. Off: a failed call fails the job once, and the engine
 * retries the job on its configured cycle.
 */
@Configuration(proxyBeanMethods = false)
class ExternalSystemHttpClientConfiguration {

    @Bean
    HttpClient5FeignConfiguration.HttpClientBuilderCustomizer noAutomaticRetries() {
        return HttpClientBuilder::disableAutomaticRetries;
    }
}
