package dk.kk.ks.flow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalSystemsProperties;

/**
 * In production, refuses to start while any secret still has its placeholder value, or is empty,
 * or while the sandbox is on. The message names the settings, never their values.
 */
@Component
@Profile("production")
class ProductionSecretsCheck implements InitializingBean {

    static final String PLACEHOLDER = "change-me";

    private final Environment environment;
    private final ExternalSystemsProperties systems;

    ProductionSecretsCheck(Environment environment, ExternalSystemsProperties systems) {
        this.environment = environment;
        this.systems = systems;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        checkSecret("spring.datasource.password", environment.getProperty("spring.datasource.password"), problems);
        for (Map.Entry<String, ExternalSystemsProperties.System> system : systems.systems().entrySet()) {
            String prefix = "ksflow.systems." + system.getKey();
            checkSecret(prefix + ".password", system.getValue().password(), problems);
            if (system.getValue().baseUrl() == null || system.getValue().baseUrl().startsWith("/")) {
                problems.add(prefix + ".base-url must be an absolute URL of the real system");
            }
        }
        if (environment.getProperty("ksflow.sandbox.enabled", Boolean.class, false)) {
            problems.add("ksflow.sandbox.enabled must be false");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("KS Flow will not start in production: " + String.join("; ", problems));
        }
    }

    private static void checkSecret(String name, String value, List<String> problems) {
        if (value == null || value.isBlank() || PLACEHOLDER.equals(value)) {
            problems.add(name + " is not set (it still has its default value)");
        }
    }
}
