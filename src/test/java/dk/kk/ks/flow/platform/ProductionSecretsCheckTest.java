package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
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
                .withProperty("ksflow.sandbox.enabled", "false")
                .withProperty(ProductionSecretsCheck.ADMIN_ID, "kks-admin").withProperty(ProductionSecretsCheck.ADMIN_PASSWORD, "admin-secret")
                .withProperty(ProductionSecretsCheck.TYPE_VALIDATION, "true");
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

    /** Every secret production needs, by the environment variable it comes from and the setting it fills. */
    static Stream<String[]> secrets() {
        return Stream.concat(Stream.<String[]>of(new String[] {"KSFLOW_DB_PASSWORD", "spring.datasource.password"},
                        new String[] {"KSFLOW_ADMIN_PASSWORD", ProductionSecretsCheck.ADMIN_PASSWORD}),
                sandboxSystems().map(system -> new String[] {system.toUpperCase() + "_PASSWORD", "ksflow.systems." + system + ".password"}));
    }

    @Test
    void withNothingInTheEnvironmentProductionRefusesToStartNamingTheDatabasePasswordAndEverySystemsPassword() {
        MockEnvironment environment = production(Map.of());

        assertThat(sandboxSystems()).contains("servicenow", "opus", "edoc", "digitalpost", "cardissuer");
        assertThatThrownBy(() -> check(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(secrets().map(secret -> secret[1] + " is not set").toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void eachSecretComesOnlyFromItsEnvironmentVariable(String variable, String setting) {
        Map<String, Object> everything = completeEnvironment();
        assertThatCode(() -> check(production(everything))).doesNotThrowAnyException();

        Map<String, Object> withoutIt = new HashMap<>(everything);
        withoutIt.remove(variable);
        assertThatThrownBy(() -> check(production(withoutIt))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(setting + " is not set")
                .hasMessageNotContaining(String.valueOf(everything.get("OPUS_PASSWORD")));
    }

    /** Every address and user name production needs, by the environment variable it comes from and the setting it fills. */
    static Stream<String[]> addressesAndNames() {
        return Stream.concat(Stream.<String[]>of(new String[] {"KSFLOW_ADMIN_USER", ProductionSecretsCheck.ADMIN_ID + " is not set"}),
                sandboxSystems().flatMap(system -> Stream.of(
                        new String[] {system.toUpperCase() + "_BASE_URL", "ksflow.systems." + system + ".base-url must be the absolute https URL"},
                        new String[] {system.toUpperCase() + "_USERNAME", "ksflow.systems." + system + ".username is not set"})));
    }

    @ParameterizedTest
    @MethodSource("addressesAndNames")
    void everyBaseUrlAndUserNameAndTheAdministratorMustComeFromTheEnvironment(String variable, String problem) {
        Map<String, Object> withoutIt = new HashMap<>(completeEnvironment());
        withoutIt.remove(variable);

        assertThatThrownBy(() -> check(production(withoutIt))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void aBaseUrlWithoutTlsOrHostIsRefused() {
        Map<String, Object> plainHttp = new HashMap<>(completeEnvironment());
        plainHttp.put("OPUS_BASE_URL", "http://opus.kk.dk");
        plainHttp.put("EDOC_BASE_URL", "edoc.kk.dk");

        assertThatThrownBy(() -> check(production(plainHttp))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ksflow.systems.opus.base-url").hasMessageContaining("ksflow.systems.edoc.base-url")
                .hasMessageNotContaining("servicenow");
    }

    @Test
    void theAdministratorsPasswordIsNotTheUserId() {
        Map<String, Object> guessable = new HashMap<>(completeEnvironment());
        guessable.put("KSFLOW_ADMIN_PASSWORD", "kks-admin");

        assertThatThrownBy(() -> check(production(guessable))).hasMessageContaining(ProductionSecretsCheck.ADMIN_PASSWORD + " must not be the user id");
    }

    @Test
    void deserializationTypeValidationAndTheLoginThrottleCannotBeTurnedOff() {
        MockEnvironment environment = production(completeEnvironment());
        environment.setProperty(ProductionSecretsCheck.TYPE_VALIDATION, "false");
        environment.setProperty(ProductionSecretsCheck.LOGIN_THROTTLE, "false");

        assertThatThrownBy(() -> check(environment)).hasMessageContaining(ProductionSecretsCheck.TYPE_VALIDATION + " must be true")
                .hasMessageContaining(ProductionSecretsCheck.LOGIN_THROTTLE);
    }

    @Test
    void theCheckRunsBeforeTheEngineCreatesTheConfiguredAdministrator() {
        // The Camunda starter builds the engine with every ProcessEnginePlugin bean, so this bean is checked first.
        assertThat(org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin.class).isAssignableFrom(ProductionSecretsCheck.class);
    }

    @Test
    void withSignInTheProvidersClientIssuerAudienceAndGroupMappingMustBeSet() {
        MockEnvironment missing = productionWithSignIn(completeEnvironment());
        assertThatThrownBy(() -> check(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(ProductionSecretsCheck.OIDC_CLIENT + ".client-id is not set",
                        ProductionSecretsCheck.OIDC_CLIENT + ".client-secret is not set",
                        ProductionSecretsCheck.OIDC_ISSUER + " must be the absolute https URL",
                        ProductionSecretsCheck.JWT_ISSUER + " must be the absolute https URL",
                        ProductionSecretsCheck.OIDC_AUDIENCE + " is not set",
                        ProductionSecretsCheck.GROUP_MAPPING + " maps no group");

        Map<String, Object> plainHttp = signIn(completeEnvironment());
        plainHttp.put("KSFLOW_OIDC_ISSUER_URI", "http://login.kk.dk/tenant/v2.0");
        assertThatThrownBy(() -> check(productionWithSignIn(plainHttp)))
                .hasMessageContaining(ProductionSecretsCheck.JWT_ISSUER + " must be the absolute https URL")
                .hasMessageNotContaining("client-secret");

        assertThatCode(() -> check(productionWithSignIn(signIn(completeEnvironment())))).doesNotThrowAnyException();
    }

    /** What docker/compose.yaml gives the sso profile: the provider's client, issuer, audience and a group mapping. */
    private static Map<String, Object> signIn(Map<String, Object> variables) {
        variables.put("KSFLOW_OIDC_CLIENT_ID", "7d1b0c52-ksflow");
        variables.put("KSFLOW_OIDC_CLIENT_SECRET", "oidc-secret");
        variables.put("KSFLOW_OIDC_ISSUER_URI", "https://login.microsoftonline.com/tenant/v2.0");
        variables.put("KSFLOW_OIDC_AUDIENCE", "api://ksflow");
        variables.put(ProductionSecretsCheck.GROUP_MAPPING + ".[KSFlow.Intake]", "servicenow-intake");
        return variables;
    }

    private static MockEnvironment productionWithSignIn(Map<String, Object> variables) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production", SecurityConfig.SSO);
        environment.getPropertySources().addLast(new MapPropertySource("environment", variables));
        yaml("application-sso.yml").forEach(environment.getPropertySources()::addLast);
        yaml("application-production.yml").forEach(environment.getPropertySources()::addLast);
        yaml("application.yml").forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    /** Every variable production reads, with real-looking values. */
    private static Map<String, Object> completeEnvironment() {
        Map<String, Object> variables = new HashMap<>(Map.of("KSFLOW_DB_URL", "jdbc:postgresql://db.kk.dk/ksflow", "KSFLOW_DB_USER", "ksflow",
                "KSFLOW_ADMIN_USER", "kks-admin"));
        secrets().forEach(secret -> variables.put(secret[0], "secret-" + secret[0].toLowerCase()));
        sandboxSystems().forEach(system -> {
            variables.put(system.toUpperCase() + "_BASE_URL", "https://" + system + ".kk.dk");
            variables.put(system.toUpperCase() + "_USERNAME", "ksflow");
        });
        return variables;
    }

    /** The configuration production runs with: the environment over application-production.yml over application.yml. */
    private static MockEnvironment production(Map<String, Object> variables) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("environment", variables));
        yaml("application-production.yml").forEach(environment.getPropertySources()::addLast);
        yaml("application.yml").forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static void check(MockEnvironment environment) {
        ExternalSystemsProperties systems = Binder.get(environment).bind("ksflow", ExternalSystemsProperties.class).get();
        new ProductionSecretsCheck(environment, systems).afterPropertiesSet();
    }

    /** The external systems the application is configured with (application.yml). */
    private static Stream<String> sandboxSystems() {
        MockEnvironment sandbox = new MockEnvironment();
        yaml("application.yml").forEach(sandbox.getPropertySources()::addLast);
        return Binder.get(sandbox).bind("ksflow", ExternalSystemsProperties.class).get().systems().keySet().stream();
    }

    private static List<PropertySource<?>> yaml(String file) {
        try {
            return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
