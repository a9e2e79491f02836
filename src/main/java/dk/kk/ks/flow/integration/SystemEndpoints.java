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
    /** The port the web server listens on, once it is known (0 before): it does not change while the application runs. */
    private volatile int port;

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
        int known = port;
        if (known > 0) {
            return known;
        }
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            int listening = web.getWebServer().getPort();
            if (listening > 0) {
                port = listening;
            }
            return listening;
        }
        throw new IllegalStateException("A relative base URL needs the embedded web server; configure an absolute one");
    }
}
