package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run here, so this keeps docker/compose.yaml and the production profile from drifting
 * apart: every variable the production profile needs is set for the application, and no secret is
 * written into the compose file.
 */
class ComposeConsistencyTest {

    /** ${NAME} (required) or ${NAME:change-me} (a secret without a real default) in the production and sso profiles. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::change-me)?}");

    @Test
    void everyVariableTheProductionProfileRequiresIsSetInTheComposeFile() throws IOException {
        Set<String> required = requiredVariables();
        Map<String, Object> environment = applicationEnvironment();

        assertThat(required).isNotEmpty().contains("OPUS_PASSWORD", "KSFLOW_DB_URL");
        assertThat(environment.keySet()).containsAll(required);
        assertThat(required).contains("KSFLOW_OIDC_CLIENT_SECRET", "KSFLOW_OIDC_ISSUER_URI", "KSFLOW_OIDC_AUDIENCE");
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres,production,sso");
    }

    @Test
    void secretsComeFromTheEnvironmentNeverFromTheFile() throws IOException {
        applicationEnvironment().forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(String.valueOf(value)).as(name).matches("\\$\\{" + name + ":\\?.+}");
            }
            assertThat(String.valueOf(value)).as(name).doesNotContain("change-me");
        });
    }

    static Set<String> requiredVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String profile : new String[] {"production", "sso"}) {
            Matcher matcher = REQUIRED.matcher(Files.readString(Path.of("src/main/resources/application-" + profile + ".yml")));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> applicationEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        return (Map<String, Object>) ((Map<String, Object>) services.get("ksflow")).get("environment");
    }
}
