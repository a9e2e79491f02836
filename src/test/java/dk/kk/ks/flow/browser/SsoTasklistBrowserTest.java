package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.TestIdentityProvider;

/**
 * Profile sso in a real browser: people sign in to Tasklist on the identity provider's own login page (the test
 * provider's, in the test JVM), with the groups their token carries; no password of KS Flow's is ever typed.
 */
@Tag("sso")
@ActiveProfiles("sso")
class SsoTasklistBrowserTest extends BrowserTestCase {

    private static final String TASK = "Godkend udbetaling";
    private static final TestIdentityProvider PROVIDER = TestIdentityProvider.get();

    @Autowired
    private RestTemplateBuilder restTemplates;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        PROVIDER.register(registry);
    }

    /** The test's own calls (ServiceNow's intake, the task lookups) carry the provider's tokens, as with sso they must. */
    @Override
    protected TestRestTemplate as(String user) {
        return new TestRestTemplate(restTemplates.rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + PROVIDER.tokenFor(user)));
    }

    @Test
    void boSignsInThroughTheProviderAndApprovesAnnasPayoutAsADebitorApprover() {
        String caseId = payoutRequestedByAnna(12500.00);
        String taskId = (String) tasks("bo", caseId).get(0).get("id");

        signInAtTheProvider("bo", "Bo", "Bergmann", List.of("sg-debitor-godkendere"));
        openFilter("Opgaver til mine grupper");
        openTask(TASK, taskId);
        clickButton("Claim");
        assertThat(formField("Anmodet af")).isEqualTo("Anna Andersen");
        chooseRadio("Godkend udbetalingen");
        screenshot("form-filled");
        clickButton("Complete");

        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("PAID");
        assertThat(done.result()).containsEntry("approvedBy", List.of("bo"));
        // The name of this sign-in's token is what KS Flow shows for bo from now on.
        assertThat(as("bo").getForObject("/engine-rest/user/bo/profile", Map.class)).containsEntry("lastName", "Bergmann");

        // The webapps' CSRF protection still stands after signing in through the provider: a "Log out" (or any other
        // change) without the webapps' XSRF token is refused, and Camunda ends the session it was forged in.
        assertThat(fetch("GET", "/camunda/api/engine/engine/default/task/count", false)).isEqualTo(200);
        assertThat(fetch("POST", "/camunda/api/admin/auth/user/default/logout", false)).isEqualTo(403);
        assertThat(fetch("GET", "/camunda/api/engine/engine/default/task/count", false)).isEqualTo(401);

        // Tasklist's own "Log out", with the token, ends the KS Flow session: the next page goes to the provider.
        signInAtTheProvider("bo", "Bo", "Bergmann", List.of("sg-debitor-godkendere"));
        assertThat(fetch("POST", "/camunda/api/admin/auth/user/default/logout", true)).isEqualTo(200);
        assertThat(fetch("GET", "/camunda/api/engine/engine/default/task/count", false)).isEqualTo(401);
        driver.get(tasklistUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    }

    @Test
    void annaSignedInThroughTheProviderIsStillRefusedHerOwnPayout() {
        String caseId = payoutRequestedByAnna(15000.00);
        String taskId = (String) tasks("anna", caseId).get(0).get("id");

        signInAtTheProvider("anna", "Anna", "Andersen", List.of("sg-debitor-godkendere"));
        openFilter("Opgaver til mine grupper");
        openTask(TASK, taskId);
        clickButton("Claim");
        chooseRadio("Godkend udbetalingen");
        clickButton("Complete");

        String refusal = errorNotification("selv har anmodet om");
        screenshot("refused");
        assertThat(refusal).contains("Du kan ikke godkende en udbetaling, som du selv har anmodet om");
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        assertThat(caseView(caseId).status()).isEqualTo(CaseView.Status.ACTIVE);
    }

    @Test
    void aPersonWithNoMappedGroupIsToldSoInDanishAndSigningOutEndsTheSession() {
        driver.get(tasklistUrl());
        loginAtProvider("ukendt", Map.of("preferred_username", "ukendt", "name", "Ulla Ukendt", "groups", List.of("sg-kantinen")));
        wait.until(ExpectedConditions.urlContains("/ingen-adgang"));
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Ingen adgang til KS Flow", "Ulla Ukendt", "ikke medlem af nogen af de grupper");
        assertAccessible("Ingen adgang");
        screenshot("no-access");

        driver.get(tasklistUrl());
        wait.until(ExpectedConditions.urlContains("/ingen-adgang"));

        driver.findElement(By.xpath("//button[normalize-space()='Log ud']")).click();
        wait.until(ExpectedConditions.urlContains("/logget-ud"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Du er logget ud af KS Flow");
        driver.get(tasklistUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    }

    /**
     * Opens Tasklist, which sends the browser to the provider; signs in there with these claims and lands in Tasklist.
     * The session KS Flow had before the sign-in is not the one after it (session fixation).
     */
    private void signInAtTheProvider(String user, String givenName, String familyName, List<String> groups) {
        driver.get(tasklistUrl());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        Cookie before = driver.manage().getCookieNamed("JSESSIONID");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", user);
        claims.put("given_name", givenName);
        claims.put("family_name", familyName);
        claims.put("email", user + "@ksflow.test");
        claims.put("groups", groups);
        loginAtProvider(user, claims);
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-filters], .filters")));
        Cookie after = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(before).isNotNull();
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        screenshot("signed-in-" + user);
    }

    private void loginAtProvider(String user, Map<String, Object> claims) {
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        assertThat(driver.getCurrentUrl()).startsWith(PROVIDER.issuer() + "/authorize");
        username.sendKeys(user);
        try {
            driver.findElement(By.name("claims")).sendKeys(new ObjectMapper().writeValueAsString(claims));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        driver.findElement(By.cssSelector("input[type='submit']")).click();
    }

    /** A call from the page, as Tasklist's own scripts make it (with or without the webapps' XSRF token). */
    private long fetch(String method, String path, boolean withToken) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
                const headers = {'Accept': 'application/json'};
                if (arguments[2] && token) { headers['X-XSRF-TOKEN'] = token; }
                fetch(arguments[1], {method: arguments[0], headers: headers, credentials: 'same-origin', redirect: 'manual'})
                  .then(r => done(r.status), e => done(-1));""", method, path, withToken);
        return ((Number) status).longValue();
    }

    private String payoutRequestedByAnna(double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", newServiceNowRef("RITM"));
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Tilbagebetaling af for meget betalt");
        body.put("requestedBy", "anna");
        ResponseEntity<CaseView> created = createCase("invoice-payouts", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().caseId();
        awaitStep(caseId, TASK);
        return caseId;
    }
}
