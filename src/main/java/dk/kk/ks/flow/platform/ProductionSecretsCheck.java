package dk.kk.ks.flow.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalSystemsProperties;

/**
 * In production, refuses to start while the configuration is not production's: a secret still has its
 * placeholder value or is empty; an external system's base URL is not an absolute https URL or its user name
 * is missing; the first administrator ({@code camunda.bpm.admin-user}) is not configured; the sandbox is on;
 * deserialization type validation or the login throttle is off; with profile sso, the identity provider's client,
 * issuer (https), audience or group mapping is missing. The message names the settings, never their values.
 *
 * <p>A process engine plugin only so that this runs before the engine is built: the engine creates the configured
 * administrator as it starts, and must never create one with a placeholder password.
 */
@Component
@Profile("production")
class ProductionSecretsCheck extends AbstractProcessEnginePlugin implements InitializingBean {

    static final String PLACEHOLDER = "change-me";
    static final String ADMIN_ID = "camunda.bpm.admin-user.id";
    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
    static final String TYPE_VALIDATION = "camunda.bpm.generic-properties.properties.deserialization-type-validation-enabled";
    static final String LOGIN_THROTTLE = "ksflow.security.login-throttle.enabled";

    private final Environment environment;
    private final ExternalSystemsProperties systems;

    ProductionSecretsCheck(Environment environment, ExternalSystemsProperties systems) {
        this.environment = environment;
        this.systems = systems;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        checkSecret("spring.datasource.password", setting("spring.datasource.password"), problems);
        for (Map.Entry<String, ExternalSystemsProperties.System> system : systems.systems().entrySet()) {
            String prefix = "ksflow.systems." + system.getKey();
            checkSecret(prefix + ".password", system.getValue().password(), problems);
            checkName(prefix + ".username", system.getValue().username(), problems);
            if (!isHttpsUrl(system.getValue().baseUrl())) {
                problems.add(prefix + ".base-url must be the absolute https URL of the real system");
            }
        }
        String adminId = setting(ADMIN_ID);
        String adminPassword = setting(ADMIN_PASSWORD);
        checkName(ADMIN_ID, adminId, problems);
        checkSecret(ADMIN_PASSWORD, adminPassword, problems);
        if (adminPassword != null && adminPassword.equals(adminId)) {
            problems.add(ADMIN_PASSWORD + " must not be the user id");
        }
        if (Boolean.parseBoolean(setting("ksflow.sandbox.enabled"))) {
            problems.add("ksflow.sandbox.enabled must be false");
        }
        if (!Boolean.parseBoolean(setting(TYPE_VALIDATION))) {
            problems.add(TYPE_VALIDATION + " must be true");
        }
        if ("false".equalsIgnoreCase(setting(LOGIN_THROTTLE))) {
            problems.add(LOGIN_THROTTLE + " must not be false");
        }
        if (environment.acceptsProfiles(Profiles.of(SecurityConfig.SSO))) {
            checkSignIn(problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("KS Flow will not start in production: " + String.join("; ", problems));
        }
    }

    static final String OIDC_CLIENT = "spring.security.oauth2.client.registration.ksflow";
    static final String OIDC_ISSUER = "spring.security.oauth2.client.provider.ksflow.issuer-uri";
    static final String JWT_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String OIDC_AUDIENCE = "ksflow.security.oidc.audience";
    static final String GROUP_MAPPING = "ksflow.security.oidc.group-mapping";

    /** Profile sso: the client's secret, the provider's https issuer, the audience, and a group mapping that names a group. */
    private void checkSignIn(List<String> problems) {
        checkName(OIDC_CLIENT + ".client-id", setting(OIDC_CLIENT + ".client-id"), problems);
        checkSecret(OIDC_CLIENT + ".client-secret", setting(OIDC_CLIENT + ".client-secret"), problems);
        for (String issuer : List.of(OIDC_ISSUER, JWT_ISSUER)) {
            if (!isHttpsUrl(setting(issuer))) {
                problems.add(issuer + " must be the absolute https URL of the identity provider");
            }
        }
        checkName(OIDC_AUDIENCE, setting(OIDC_AUDIENCE), problems);
        Map<String, String> mapping = Binder.get(environment)
                .bind(GROUP_MAPPING, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        if (mapping.values().stream().allMatch(ProductionSecretsCheck::isUnset)) {
            problems.add(GROUP_MAPPING + " maps no group: nobody could sign in to any work");
        }
    }

    /** The setting as configured; a placeholder whose environment variable is missing stays "${NAME}". */
    private String setting(String name) {
        return Binder.get(environment).bind(name, String.class).orElse(null);
    }

    private static void checkSecret(String name, String value, List<String> problems) {
        if (isUnset(value) || PLACEHOLDER.equals(value)) {
            problems.add(name + " is not set (it still has its default value)");
        }
    }

    private static void checkName(String name, String value, List<String> problems) {
        if (isUnset(value)) {
            problems.add(name + " is not set");
        }
    }

    private static boolean isUnset(String value) {
        return value == null || value.isBlank() || value.contains("${");
    }

    private static boolean isHttpsUrl(String value) {
        if (isUnset(value)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
