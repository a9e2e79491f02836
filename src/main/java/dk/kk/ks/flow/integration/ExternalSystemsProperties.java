package dk.kk.ks.flow.integration;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ksflow.systems.<name>}: where each external system is and how the application authenticates to it. */
@ConfigurationProperties(prefix = "ksflow")
public record ExternalSystemsProperties(Map<String, System> systems) {

    /**
     * @param baseUrl an absolute URL, or a path starting with "/" that is relative to this application
     *                (the sandbox simulators, so the application works unchanged on any port)
     */
    public record System(String baseUrl, String username, String password) {
    }

    public System system(String name) {
        System system = systems == null ? null : systems.get(name);
        if (system == null || system.baseUrl() == null) {
            throw new IllegalStateException("No configuration for external system '" + name + "' (ksflow.systems." + name + ")");
        }
        return system;
    }
}
