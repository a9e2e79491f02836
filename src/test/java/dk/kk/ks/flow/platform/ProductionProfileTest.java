package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as production starts it (profile {@code production}, every setting from the environment),
 * on an in-memory database instead of PostgreSQL: the first administrator comes from configuration and nobody
 * else exists, the setup page is closed, the session cookie is Secure, HttpOnly and SameSite, the API
 * description needs a login, deserialization type validation is on, and nothing of the sandbox (package
 * {@code dk.kk.ks.flow.sandbox}: simulators, sandbox users, mail server) is loaded. Nothing here depends on the time.
 */
@ActiveProfiles("production")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "KSFLOW_DB_URL=jdbc:h2:mem:ksflow-production-${random.uuid};DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "KSFLOW_DB_USER=sa",
        "KSFLOW_DB_PASSWORD=db-secret",
        "KSFLOW_ADMIN_USER=kks-admin",
        "KSFLOW_ADMIN_PASSWORD=" + ProductionProfileTest.ADMIN_PASSWORD,
        "SERVICENOW_BASE_URL=https://servicenow.example.invalid", "SERVICENOW_USERNAME=ksflow", "SERVICENOW_PASSWORD=servicenow-secret",
        "OPUS_BASE_URL=https://opus.example.invalid", "OPUS_USERNAME=ksflow", "OPUS_PASSWORD=opus-secret",
        "CARDISSUER_BASE_URL=https://cards.example.invalid", "CARDISSUER_USERNAME=ksflow", "CARDISSUER_PASSWORD=cards-secret",
        "EDOC_BASE_URL=https://edoc.example.invalid", "EDOC_USERNAME=ksflow", "EDOC_PASSWORD=edoc-secret",
        "DIGITALPOST_BASE_URL=https://digitalpost.example.invalid", "DIGITALPOST_USERNAME=ksflow", "DIGITALPOST_PASSWORD=post-secret",
        "KSFLOW_MAIL_HOST=smtp.example.invalid", "KSFLOW_MAIL_PORT=587", "KSFLOW_MAIL_USERNAME=ksflow", "KSFLOW_MAIL_PASSWORD=mail-secret",
        "KSFLOW_MAIL_FROM=ksflow@example.invalid", "KSFLOW_BASE_URL=https://ksflow.example.invalid",
        // Its own engine, not the integration tests' "default" one; no jobs run (there are no cases).
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        // Production refuses a shifted clock; this test reads no time.
        "ksflow.clock.offset=0s"})
class ProductionProfileTest {

    static final String ADMIN_PASSWORD = "Admin-Secret-1";
    private static final String SECURE = "(?i);\\s*Secure(;|$)";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    ApplicationContext context;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theFirstAdministratorComesFromConfigurationAndIsTheOnlyUser() {
        assertThat(identityService.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("kks-admin");
        assertThat(identityService.createUserQuery().userId("kks-admin").memberOfGroup(Groups.ADMIN).count()).isEqualTo(1);
        assertThat(identityService.checkPassword("kks-admin", ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void theSetupPageAndItsEndpointAreClosed() throws Exception {
        assertThat(send(get("/camunda/app/admin/" + engine.getName() + "/setup/")).statusCode()).isEqualTo(403);
        String intruder = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\",\"email\":\"i@example.invalid\"},"
                + "\"credentials\":{\"password\":\"intruder1\"}}";
        HttpResponse<String> setup = send(request("/camunda/api/admin/setup/" + engine.getName() + "/user/create")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(intruder)));

        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void theWebappsCookiesAreSecureHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> tasklist = send(get("/camunda/app/tasklist/" + engine.getName() + "/"));
        Map<String, String> cookies = cookies(tasklist);
        assertThat(cookies).containsKeys("JSESSIONID", "XSRF-TOKEN");
        assertThat(setCookie(tasklist, "XSRF-TOKEN")).containsPattern(SECURE);

        String form = "username=kks-admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/" + engine.getName() + "/login/cockpit")
                // A browser would not send a Secure cookie over plain HTTP; this client does, to get the login's answer.
                .header("Cookie", "JSESSIONID=" + cookies.get("JSESSIONID") + "; XSRF-TOKEN=" + cookies.get("XSRF-TOKEN"))
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(login.statusCode()).isEqualTo(200);
        String session = setCookie(login, "JSESSIONID");
        assertThat(session).containsPattern(SECURE).containsPattern("(?i);\\s*HttpOnly").containsPattern("(?i);\\s*SameSite=Lax");
    }

    @Test
    void theApiDescriptionNeedsALogin() throws Exception {
        assertThat(send(get("/v3/api-docs")).statusCode()).isEqualTo(401);
        assertThat(send(get("/swagger-ui/index.html")).statusCode()).isEqualTo(401);

        String admin = "Basic " + Base64.getEncoder().encodeToString(("kks-admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> docs = send(request("/v3/api-docs").header("Authorization", admin).GET());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/");
    }

    @Test
    void noSandboxBeanIsLoaded() {
        List<String> sandboxBeans = Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = context.getType(name);
                    return type != null && type.getName().startsWith("dk.kk.ks.flow.sandbox.");
                })
                .toList();

        assertThat(sandboxBeans).isEmpty();
        // E-mail goes to the configured relay, not to the sandbox's own mail server.
        assertThat(context.getBean(JavaMailSenderImpl.class).getHost()).isEqualTo("smtp.example.invalid");
    }

    @Test
    void noSandboxEndpointAnswersEvenTheAdministrator() throws Exception {
        String admin = "Basic " + Base64.getEncoder().encodeToString(("kks-admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/sandbox", "/sandbox/opus/requests", "/sandbox/opus/faults", "/sandbox/servicenow/health",
                "/sandbox/opus/api/debitor/payouts/UDB1", "/sandbox/mail", "/sandbox/mail/messages", "/sandbox/edoc/cases")) {
            assertThat(send(request(path).header("Authorization", admin).GET()).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void deserializationTypeValidationIsOn() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(configuration.getDeserializationTypeValidator().validate("java.util.ImmutableCollections$List12")).isTrue();
        assertThat(configuration.getDeserializationTypeValidator().validate("java.net.URL")).isFalse();
        assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(configuration.getLoginDelayBase()).isZero();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Set-Cookie header that sets the cookie, with its attributes. */
    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "="))
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    private static Map<String, String> cookies(HttpResponse<?> response) {
        List<String> headers = response.headers().allValues("Set-Cookie");
        return headers.stream().map(header -> header.split(";", 2)[0].split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (first, last) -> last));
    }
}
