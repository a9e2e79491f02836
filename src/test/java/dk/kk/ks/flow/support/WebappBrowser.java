package dk.kk.ks.flow.support;

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

/**
 * A browser towards the Camunda webapps (Tasklist): a cookie jar with the session, and the session's
 * XSRF-TOKEN cookie sent back as the X-XSRF-TOKEN header when asked to, as Tasklist does.
 */
public final class WebappBrowser {

    private static final String TOKEN = "XSRF-TOKEN";
    private static final String TOKEN_HEADER = "X-XSRF-TOKEN";

    private final String rootUri;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    public WebappBrowser(String rootUri) {
        this.rootUri = rootUri;
    }

    /** Opens Tasklist, which gives the session and its token. */
    public void open() throws IOException, InterruptedException {
        assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    }

    /** Opens Tasklist and logs in (the password is the user id, as for the sandbox users). */
    public void loggedInAs(String user) throws IOException, InterruptedException {
        open();
        assertThat(login(user, true).statusCode()).isEqualTo(200);
        open();
    }

    public HttpResponse<String> login(String user, boolean withToken) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        return send(request("/camunda/api/admin/auth/user/default/login/tasklist", withToken)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> postJson(String path, String json, boolean withToken) throws IOException, InterruptedException {
        return send(request(path, withToken).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any call to the webapps' API with a JSON body (or none), with the session's token, as Tasklist sends it. */
    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(request(path, true).header("Content-Type", "application/json").method(method, body));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public String token() {
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
        return URI.create(rootUri + path);
    }
}
