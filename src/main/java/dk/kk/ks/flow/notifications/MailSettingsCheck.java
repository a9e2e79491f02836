package dk.kk.ks.flow.notifications;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production, refuses to start without the mail server (host, port, user, a password that is not the placeholder),
 * the sender, and the address people open KS Flow at (the links in the e-mails). Like platform.ProductionSecretsCheck,
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
            String value = value(setting);
            if (value == null || value.isBlank() || PLACEHOLDER.equals(value)) {
                problems.add(setting + " is not set (it still has its default value)");
            }
        }
        String baseUrl = value("ksflow.notifications.base-url");
        if (!isAbsoluteWebAddress(baseUrl)) {
            problems.add("ksflow.notifications.base-url must be the absolute http(s) address people open KS Flow at");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("KS Flow will not start in production: " + String.join("; ", problems));
        }
    }

    private String value(String setting) {
        try {
            return environment.getProperty(setting);
        } catch (IllegalArgumentException unresolvablePlaceholder) {
            return null;
        }
    }

    private static boolean isAbsoluteWebAddress(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
