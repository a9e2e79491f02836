package dk.kk.ks.flow.notifications;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The addresses the e-mails link to: {@code ksflow.notifications.base-url}, or this server's own address when it is not set
 * (the port it listens on, or {@code server.port} before it listens).
 */
@Component
class Links {

    private final NotificationProperties properties;
    private final ApplicationContext context;
    private final Environment environment;

    Links(NotificationProperties properties, ApplicationContext context, Environment environment) {
        this.properties = properties;
        this.context = context;
        this.environment = environment;
    }

    /** Opens the task in Tasklist (after the login, when the person is not logged in). */
    String task(String taskId) {
        return base() + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** Tasklist's start page. */
    String tasklist() {
        return base() + "/camunda/app/tasklist/default/";
    }

    String base() {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return "http://localhost:" + web.getWebServer().getPort();
        }
        return "http://localhost:" + environment.getProperty("server.port", "8080");
    }
}
