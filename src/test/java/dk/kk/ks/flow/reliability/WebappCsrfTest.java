package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.intake.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * The webapps (Cockpit, Tasklist, Admin) keep Camunda's CSRF protection: a state-changing call to their
 * API from a browser session is refused without the X-XSRF-TOKEN header that echoes the session's
 * XSRF-TOKEN cookie, and accepted with it. The login and a Tasklist completion are the calls that matter.
 */
class WebappCsrfTest extends IntegrationTestCase {

    private static final String TOKEN = "XSRF-TOKEN";
    private static final String TOKEN_HEADER = "X-XSRF-TOKEN";

    @Test
    void theLoginNeedsTheTokenOfTheSession() throws Exception {
        Browser browser = new Browser();
        browser.open();
        assertThat(browser.token()).isNotBlank();

        assertThat(browser.login("bo", false).statusCode()).isEqualTo(403);
        browser.open();
        assertThat(browser.login("bo", true).statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"bo\"");
    }

    @Test
    void aTaskCompletedInTasklistWithoutTheTokenIsRefusedAndStaysOpen() throws Exception {
        String caseId = createCase("invoice-payouts", Map.of("serviceNowRef", newServiceNowRef("RITM"), "debtorNumber", "100234",
                "payee", "Jens Hansen", "amount", 12500.00, "reason", "CSRF-test", "requestedBy", "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        String taskId = (String) tasks("bo", caseId).get(0).get("id");
        String complete = "/camunda/api/engine/engine/default/task/" + taskId + "/complete";
        String approval = "{\"variables\":{\"approved\":{\"value\":true}}}";

        Browser browser = new Browser();
        browser.loggedInAs("bo");
        assertThat(browser.postJson(complete, approval, false).statusCode()).isEqualTo(403);
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);

        // The refused call ended the session; bo logs in again and completes the task as Tasklist does.
        browser.loggedInAs("bo");
        assertThat(browser.postJson(complete, approval, true).statusCode()).isEqualTo(204);
        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("PAID");
        assertThat(done.result()).containsEntry("approvedBy", List.of("bo"));
    }

    /** A browser: a cookie jar and the XSRF-TOKEN cookie sent back as a header when asked to. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        /** Opens Tasklist, which gives the session and its token. */
        void open() throws IOException, InterruptedException {
            assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        }

        void loggedInAs(String user) throws IOException, InterruptedException {
            open();
            assertThat(login(user, true).statusCode()).isEqualTo(200);
            open();
        }

        HttpResponse<String> login(String user, boolean withToken) throws IOException, InterruptedException {
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
            return send(request("/camunda/api/admin/auth/user/default/login/tasklist", withToken)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> postJson(String path, String json, boolean withToken) throws IOException, InterruptedException {
            return send(request(path, withToken).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        String token() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> TOKEN.equals(cookie.getName()))
                    .map(HttpCookie::getValue).reduce((first, last) -> last).orElse(null);
        }

        private HttpRequest.Builder request(String path, boolean withToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
            return withToken ? request.header(TOKEN_HEADER, token()) : request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create(http.getRootUri() + path);
        }
    }
}
