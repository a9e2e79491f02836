package dk.kk.ks.flow.notifications;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** The addresses the e-mails link to: {@code ksflow.notifications.base-url}, or this server's own address when it is not set. */
@Component
class Links {

    private final NotificationProperties properties;
    private final ApplicationContext context;

    Links(NotificationProperties properties, ApplicationContext context) {
        this.properties = properties;
        this.context = context;
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
        throw new IllegalStateException("ksflow.notifications.base-url is not set and there is no embedded web server");
    }
}
