package dk.kk.ks.flow.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production, refuses to start without the mail server (host, port, user, a password that is not the placeholder),
 * the sender, and the https address people open KS Flow at (the links in the e-mails). Like platform.ProductionSecretsCheck,
 * the message names the settings, never their values.
 */
@Component
@Profile("production")
class MailSettingsCheck implements InitializingBean {

    static final String PLACEHOLDER = "change-me";

    private final Environment environment;

    MailSettingsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (String setting : List.of("spring.mail.host", "spring.mail.port", "spring.mail.username", "spring.mail.password",
                "ksflow.notifications.from")) {
            String value = setting(setting);
            if (isUnset(value) || PLACEHOLDER.equals(value)) {
                problems.add(setting + " is not set (it still has its default value)");
            }
        }
        if (!isHttpsUrl(setting("ksflow.notifications.base-url"))) {
            problems.add("ksflow.notifications.base-url must be the absolute https address people open KS Flow at");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("KS Flow will not start in production: " + String.join("; ", problems));
        }
    }

    /** The setting as configured; a placeholder whose environment variable is missing stays "${NAME}". */
    private String setting(String name) {
        return Binder.get(environment).bind(name, String.class).orElse(null);
    }

    private static boolean isUnset(String value) {
        return value == null || value.isBlank() || value.contains("${");
    }

    private static boolean isHttpsUrl(String value) {
        if (isUnset(value)) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
