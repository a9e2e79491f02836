package dk.kk.ks.flow.support;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests of the sso profile: the whole application signed in to {@link TestIdentityProvider}, a real
 * OpenID Connect provider in the test JVM. Every call a test makes "as" a sandbox user carries that user's bearer
 * token from the provider (ServiceNow's by client credentials), never a password: HTTP Basic is off.
 */
@Tag("sso")
@ActiveProfiles("sso")
public abstract class SsoIntegrationTestCase extends IntegrationTestCase {

    protected static final TestIdentityProvider PROVIDER = TestIdentityProvider.get();

    @Autowired
    private RestTemplateBuilder restTemplates;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        PROVIDER.register(registry);
    }

    @Override
    protected TestRestTemplate as(String user) {
        return withToken(PROVIDER.tokenFor(user));
    }

    protected TestRestTemplate withToken(String token) {
        return new TestRestTemplate(restTemplates.rootUri(http.getRootUri()).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    /** A call with HTTP Basic, as the sandbox user with their password (refused with sso, but on /sandbox). */
    protected TestRestTemplate withPassword(String user) {
        return http.withBasicAuth(user, user);
    }
}
