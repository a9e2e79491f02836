package dk.kk.ks.flow.platform.sso;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.SsoIntegrationTestCase;
import dk.kk.ks.flow.support.TestIdentityProvider;
import dk.kk.ks.flow.support.WebappBrowser;

/**
 * Profile sso, as an attacker and as each role: bearer tokens from the identity provider on /api and /engine-rest,
 * no passwords anywhere but the sandbox's simulators, the webapps behind the provider's sign-in. ServiceNow's
 * client-credentials token may do exactly what the sandbox's servicenow user may (reliability/AccessMatrixTest);
 * every token that is not the provider's, not for KS Flow, expired, or for nobody KS Flow maps is refused with 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoAccessTest extends SsoIntegrationTestCase {

    private static final String[] USERS = {"", "servicenow", "bo", "chef", "procesejer", "demo"};

    /** As reliability/AccessMatrixTest: anonymous, servicenow, bo, chef, procesejer, demo, each with the provider's token. */
    private static final Object[][] MATRIX = {
            {"GET", "/api/v1/cases?serviceNowRef=RITM0000001", null, 401, 200, 403, 403, 403, 200},
            {"POST", "/api/v1/invoice-payouts", "{}", 401, 400, 403, 403, 403, 400},
            {"POST", "/api/v1/timesheets/calculation", "{}", 401, 400, 403, 403, 403, 400},
            {"GET", "/api/v1/calendar/holidays?year=2027", null, 401, 200, 403, 403, 403, 200},
            {"GET", "/api/v1/benefits", null, 401, 403, 403, 200, 403, 200},
            {"GET", "/sandbox/opus/requests", null, 401, 403, 403, 403, 403, 200},
            {"GET", "/engine-rest/task/count", null, 401, 200, 200, 200, 200, 200},
            {"GET", "/engine-rest/job/count", null, 401, 403, 403, 403, 403, 200},
            {"GET", "/engine-rest/history/cleanup/configuration", null, 401, 403, 403, 403, 403, 200},
            {"GET", "/actuator/prometheus", null, 401, 403, 403, 403, 403, 200},
            {"GET", "/actuator/health", null, 200, 200, 200, 200, 200, 200},
    };

    static Stream<Arguments> cells() {
        Stream.Builder<Arguments> cells = Stream.builder();
        for (Object[] row : MATRIX) {
            for (int i = 0; i < USERS.length; i++) {
                cells.add(Arguments.of(row[0], row[1], row[2], USERS[i].isEmpty() ? "anonymous" : USERS[i], row[3 + i]));
            }
        }
        return cells.build();
    }

    @ParameterizedTest(name = "{0} {1} as {3} with the provider''s token: {4}")
    @MethodSource("cells")
    void eachRoleMayDoWithItsTokenWhatItsSandboxUserMay(String method, String path, String body, String user, int expected) {
        TestRestTemplate client = "anonymous".equals(user) ? http : as(user);
        ResponseEntity<String> response = client.exchange(path, HttpMethod.valueOf(method), json(body), String.class);
        assertThat(response.getStatusCode().value()).as(method + " " + path + " as " + user + ": " + response.getBody()).isEqualTo(expected);
        if (expected == 401 && (path.startsWith("/api/") || path.startsWith("/engine-rest/"))) {
            assertProblem(response, 401);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
    }

    @Test
    void serviceNowsClientCredentialsTokenCreatesACaseThatWaitsForAnApprover() {
        String token = PROVIDER.clientCredentialsToken(TestIdentityProvider.SERVICENOW_CLIENT, List.of(TestIdentityProvider.INTAKE_ROLE));

        ResponseEntity<CaseView> created = withToken(token).exchange("/api/v1/invoice-payouts", HttpMethod.POST,
                jsonEntity(payout(newServiceNowRef("RITM"), 12500.00)), CaseView.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CaseView waiting = awaitStep(created.getBody().caseId(), "Godkend udbetaling");
        assertThat(waiting.status()).isEqualTo(CaseView.Status.ACTIVE);
    }

    /** Each kind of token an attacker could send instead of a good one: all 401, on the API and on the engine's REST API. */
    static Stream<Arguments> refusedTokens() {
        TestIdentityProvider provider = TestIdentityProvider.get();
        Map<String, Object> intake = Map.of("roles", List.of(TestIdentityProvider.INTAKE_ROLE), "azp", "servicenow-ksflow");
        return Stream.of(
                Arguments.of("expired", provider.token("servicenow-ksflow", TestIdentityProvider.AUDIENCE, intake, -300)),
                Arguments.of("for another audience", provider.token("servicenow-ksflow", "api://another-system", intake, 3600)),
                Arguments.of("signed by another key", provider.tokenSignedByAnotherKey(intake)),
                Arguments.of("unsigned", provider.unsignedToken(intake)),
                Arguments.of("with a role forged into a signed token", TestIdentityProvider.withForgedClaims(
                        provider.clientCredentialsToken("servicenow-ksflow", List.of("KSFlow.Reader")), intake)),
                Arguments.of("with a KS Flow group forged into a signed token", TestIdentityProvider.withForgedClaims(
                        provider.personToken("bo"), Map.of("groups", List.of("sg-camunda-admin")))),
                Arguments.of("with no mapped role", provider.clientCredentialsToken("servicenow-ksflow", List.of("KSFlow.Reader"))),
                Arguments.of("naming a KS Flow group instead of a mapped one",
                        provider.clientCredentialsToken("servicenow-ksflow", List.of("servicenow-intake"))),
                Arguments.of("not a token at all", "servicenow:servicenow"));
    }

    @ParameterizedTest(name = "a token {0} is refused")
    @MethodSource("refusedTokens")
    void badTokensAreRefusedWith401ProblemDetails(String kind, String token) {
        for (String path : List.of("/api/v1/cases?serviceNowRef=RITM0000001", "/engine-rest/task/count")) {
            ResponseEntity<String> response = withToken(token).getForEntity(path, String.class);
            assertProblem(response, 401);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Bearer");
        }
    }

    @Test
    void passwordsAreRefusedOnTheApiTheEngineRestApiAndTheWebappsLoginForm() throws Exception {
        assertProblem(withPassword("servicenow").getForEntity("/api/v1/cases?serviceNowRef=RITM0000001", String.class), 401);
        assertProblem(withPassword("demo").getForEntity("/engine-rest/task/count", String.class), 401);

        WebappBrowser browser = new WebappBrowser(http.getRootUri());
        assertThat(browser.login("demo", false).statusCode()).isIn(401, 403);
    }

    @Test
    void theWebappsSendPeopleToTheProviderWithPkceAndAnswerTheirOwnCallsWith401() throws Exception {
        WebappBrowser browser = new WebappBrowser(http.getRootUri());
        var page = browser.get("/camunda/app/tasklist/default/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/ksflow"));

        var toProvider = browser.get("/oauth2/authorization/ksflow");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize")
                .contains("code_challenge=", "code_challenge_method=S256", "state=", "nonce=")
                .contains("redirect_uri=" + http.getRootUri() + "/login/oauth2/code/ksflow&");

        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
        assertThat(browser.get("/benefits").statusCode()).isEqualTo(302);
    }

    @Test
    void theRequesterCannotApproveHerOwnPayoutWithHerToken() {
        ResponseEntity<CaseView> created = createCase("invoice-payouts", payout(newServiceNowRef("RITM"), 15000.00));
        String caseId = created.getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        String taskId = (String) tasks("anna", caseId).get(0).get("id");

        ResponseEntity<String> refused = completeTask("anna", taskId, Map.of("approved", true));
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("selv har anmodet om");

        assertThat(completeTask("bo", taskId, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(awaitCompleted(caseId).result()).containsEntry("approvedBy", List.of("bo"));
    }

    @Test
    void serviceNowMayNameARequesterWhoHasNeverSignedInButOnlyAsAUserId() {
        Map<String, Object> body = payout(newServiceNowRef("RITM"), 500.00);
        body.put("requestedBy", "ny.medarbejder@kk.dk");
        assertThat(createCase("invoice-payouts", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        Map<String, Object> odd = payout(newServiceNowRef("RITM"), 500.00);
        odd.put("requestedBy", "anna' OR 1=1");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertProblem(as("servicenow").exchange("/api/v1/invoice-payouts", HttpMethod.POST, new HttpEntity<>(odd, headers), String.class), 400);
    }

    private static Map<String, Object> payout(String ref, double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", ref);
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Tilbagebetaling af for meget betalt");
        body.put("requestedBy", "anna");
        return body;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
