package dk.kk.ks.flow.notifications;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Production refuses to start without its mail server, sender and public address, naming the settings but never a value. */
class MailSettingsCheckTest {

    private static final Map<String, Object> COMPLETE = Map.of(
            "KSFLOW_MAIL_HOST", "smtp.kk.dk", "KSFLOW_MAIL_PORT", "587", "KSFLOW_MAIL_USERNAME", "ksflow",
            "KSFLOW_MAIL_PASSWORD", "s3cret-mail", "KSFLOW_MAIL_FROM", "KS Flow <ksflow@kk.dk>", "KSFLOW_BASE_URL", "https://ksflow.kk.dk");

    @Test
    void withEverythingSetProductionStarts() {
        assertThatCode(() -> check(COMPLETE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"KSFLOW_MAIL_HOST, spring.mail.host", "KSFLOW_MAIL_PORT, spring.mail.port", "KSFLOW_MAIL_USERNAME, spring.mail.username",
            "KSFLOW_MAIL_PASSWORD, spring.mail.password", "KSFLOW_MAIL_FROM, ksflow.notifications.from",
            "KSFLOW_BASE_URL, ksflow.notifications.base-url"})
    void eachSettingComesFromItsEnvironmentVariable(String variable, String setting) {
        Map<String, Object> without = new HashMap<>(COMPLETE);
        without.remove(variable);

        assertThatThrownBy(() -> check(without)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(setting).hasMessageNotContaining("s3cret-mail");
    }

    @Test
    void aPlaceholderPasswordOrABaseUrlThatIsNotHttpsIsRefused() {
        Map<String, Object> placeholder = new HashMap<>(COMPLETE);
        placeholder.put("KSFLOW_MAIL_PASSWORD", "change-me");
        placeholder.put("KSFLOW_BASE_URL", "http://ksflow.kk.dk");

        assertThatThrownBy(() -> check(placeholder)).hasMessageContaining("spring.mail.password is not set")
                .hasMessageContaining("ksflow.notifications.base-url must be the absolute https address");
        placeholder.put("KSFLOW_BASE_URL", "/ksflow");
        assertThatThrownBy(() -> check(placeholder)).hasMessageContaining("ksflow.notifications.base-url");
    }

    /** The configuration production runs with: the environment over application-production.yml over application.yml. */
    private static void check(Map<String, Object> variables) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("environment", variables));
        yaml("application-production.yml").forEach(environment.getPropertySources()::addLast);
        yaml("application.yml").forEach(environment.getPropertySources()::addLast);
        new MailSettingsCheck(environment).afterPropertiesSet();
    }

    private static List<PropertySource<?>> yaml(String file) {
        try {
            return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
