package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import dk.kk.ks.flow.integration.ExternalSystemsProperties;

class ProductionSecretsCheckTest {

    @Test
    void placeholderOrMissingSecretsStopTheStartAndAreNamedWithoutTheirValues() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.password", "change-me");
        Map<String, ExternalSystemsProperties.System> systems = new LinkedHashMap<>();
        systems.put("opus", new ExternalSystemsProperties.System("https://opus.kk.dk", "ksflow", "change-me"));
        systems.put("servicenow", new ExternalSystemsProperties.System("/sandbox/servicenow", "ksflow", "s3cret-value"));

        assertThatThrownBy(() -> new ProductionSecretsCheck(environment, new ExternalSystemsProperties(systems)).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.password")
                .hasMessageContaining("ksflow.systems.opus.password")
                .hasMessageContaining("ksflow.systems.servicenow.base-url")
                .hasMessageNotContaining("s3cret-value");
    }

    @Test
    void realSecretsAndAbsoluteUrlsPass() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.password", "db-secret")
                .withProperty("ksflow.sandbox.enabled", "false");
        ExternalSystemsProperties systems = new ExternalSystemsProperties(Map.of(
                "opus", new ExternalSystemsProperties.System("https://opus.kk.dk", "ksflow", "opus-secret")));

        assertThatCode(() -> new ProductionSecretsCheck(environment, systems).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void theSandboxMustBeOff() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.password", "db-secret")
                .withProperty("ksflow.sandbox.enabled", "true");
        assertThatThrownBy(() -> new ProductionSecretsCheck(environment, new ExternalSystemsProperties(Map.of())).afterPropertiesSet())
                .hasMessageContaining("ksflow.sandbox.enabled");
        assertThat(ProductionSecretsCheck.PLACEHOLDER).isEqualTo("change-me");
    }
}
