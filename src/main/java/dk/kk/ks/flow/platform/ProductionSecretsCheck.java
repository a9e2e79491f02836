package dk.kk.ks.flow.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalSystemsProperties;

/**
 * In production, refuses to start while the configuration is not production's: a secret still has its
 * placeholder value or is empty; an external system's base URL is not an absolute https URL or its user name
 * is missing; the first administrator ({@code camunda.bpm.admin-user}) is not configured; the sandbox is on;
 * deserialization type validation or the login throttle is off. The message names the settings, never their values.
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
        if (!problems.isEmpty()) {
            throw new IllegalStateException("KS Flow will not start in production: " + String.join("; ", problems));
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
