package dk.kk.ks.flow.integration;

import java.net.URI;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The base URI of each external system. Relative base URLs (the sandbox) are resolved against the port
 * this application actually listens on, which in tests is a random one known only after start-up.
 * Feign clients take this URI as their first argument, so it is resolved per call.
 */
@Component
public class SystemEndpoints {

    private final ExternalSystemsProperties properties;
    private final ApplicationContext context;

    public SystemEndpoints(ExternalSystemsProperties properties, ApplicationContext context) {
        this.properties = properties;
        this.context = context;
    }

    public URI baseUri(String system) {
        String baseUrl = properties.system(system).baseUrl();
        if (baseUrl.startsWith("/")) {
            return URI.create("http://localhost:" + localPort() + baseUrl);
        }
        return URI.create(baseUrl);
    }

    /** The health resource of the system: its health path below its base URI. */
    public URI healthUri(String system) {
        String base = baseUri(system).toString();
        String path = properties.system(system).healthPath();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (path.startsWith("/") ? path : "/" + path));
    }

    private int localPort() {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return web.getWebServer().getPort();
        }
        throw new IllegalStateException("A relative base URL needs the embedded web server; configure an absolute one");
    }
}
