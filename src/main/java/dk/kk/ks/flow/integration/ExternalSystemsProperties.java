package dk.kk.ks.flow.integration;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/** {@code ksflow.systems.<name>}: where each external system is and how the application authenticates to it. */
@ConfigurationProperties(prefix = "ksflow")
public record ExternalSystemsProperties(Map<String, System> systems) {

    /**
     * @param baseUrl    an absolute URL, or a path starting with "/" that is relative to this application
     *                   (the sandbox simulators, so the application works unchanged on any port)
     * @param healthPath the resource, below the base URL, that the health check reads with the system's credentials
     *                   (ExternalSystemsHealth); {@value #DEFAULT_HEALTH_PATH} when not set
     */
    public record System(String baseUrl, String username, String password, String healthPath) {

        public static final String DEFAULT_HEALTH_PATH = "/health";

        @ConstructorBinding
        public System {
            if (healthPath == null || healthPath.isBlank()) {
                healthPath = DEFAULT_HEALTH_PATH;
            }
        }

        public System(String baseUrl, String username, String password) {
            this(baseUrl, username, password, null);
        }
    }

    public System system(String name) {
        System system = systems == null ? null : systems.get(name);
        if (system == null || system.baseUrl() == null) {
            throw new IllegalStateException("No configuration for external system '" + name + "' (ksflow.systems." + name + ")");
        }
        return system;
    }
}
