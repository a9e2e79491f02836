package dk.kk.ks.flow.support;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * A client on another address: its requests leave from the loopback address it is given (127.0.0.x; the whole
 * 127/8 block is this machine), so the application sees a client address of its own, apart from the tests'
 * usual 127.0.0.1. It keeps cookies, and logs into the webapps as a browser does (with their CSRF token).
 */
public final class OtherClient {

    private final BasicCookieStore cookies = new BasicCookieStore();
    private final RestTemplate rest;

    public OtherClient(String rootUri, String localAddress) {
        InetAddress local = address(localAddress);
        CloseableHttpClient client = HttpClients.custom()
                .setDefaultCookieStore(cookies)
                // Every answer as it came: no second try after a 429 or 503 with Retry-After.
                .disableAutomaticRetries()
                .setRoutePlanner(new DefaultRoutePlanner(null) {
                    @Override
                    protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
                        return local;
                    }
                })
                .build();
        rest = new RestTemplate(new HttpComponentsClientHttpRequestFactory(client));
        rest.setUriTemplateHandler(new DefaultUriBuilderFactory(rootUri));
        rest.setErrorHandler(new DefaultResponseErrorHandler() {
            @Override
            public boolean hasError(org.springframework.http.client.ClientHttpResponse response) {
                return false;
            }
        });
    }

    /** A request with HTTP Basic credentials (none when {@code user} is null). */
    public ResponseEntity<String> basic(HttpMethod method, String path, String user, String password, String json) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        }
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    public ResponseEntity<String> get(String path, String user, String password) {
        return basic(HttpMethod.GET, path, user, password, null);
    }

    /** Opens Tasklist (for a session and its XSRF token) and posts the webapps' login form for {@code app}. */
    public ResponseEntity<String> webappLogin(String user, String password, String app) {
        rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = webappHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** A call to the webapps' API with the session and its XSRF token, as Cockpit makes it. */
    public ResponseEntity<String> webapp(HttpMethod method, String path, String json) {
        HttpHeaders headers = webappHeaders();
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private HttpHeaders webappHeaders() {
        HttpHeaders headers = new HttpHeaders();
        cookies.getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName())).map(Cookie::getValue)
                .reduce((first, last) -> last).ifPresent(token -> headers.set("X-XSRF-TOKEN", token));
        return headers;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
