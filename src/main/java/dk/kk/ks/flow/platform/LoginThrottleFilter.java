package dk.kk.ks.flow.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@link LoginThrottle} in front of every login: HTTP Basic credentials (the API, the engine REST API, the
 * sandbox, the benefits report, the actuator) and the webapps' login form. A login whose credentials fail
 * (the answer is 401) counts against the client address. While an address is throttled, every login attempt
 * from it is answered 429 with {@code Retry-After}, before and without checking its credentials: answering
 * a right password differently from a wrong one would let the address go on guessing at full speed.
 *
 * <p>The client address is the request's remote address: the TCP peer, or what the forward-headers strategy
 * ({@code server.forward-headers-strategy}) made of a trusted proxy's {@code X-Forwarded-For}; the header
 * itself is never read here.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final URI PROBLEM_TYPE = URI.create("https://ksflow.kk.dk/problems/too-many-failed-logins");

    private final LoginThrottle throttle;
    private final ObjectMapper objectMapper;
    private final RequestMatcher webapps;
    private final RequestMatcher webappLogin;

    /** @param webappPath where Cockpit, Tasklist and Admin live ({@code camunda.bpm.webapp.application-path}) */
    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper, String webappPath) {
        this.throttle = throttle;
        this.objectMapper = objectMapper;
        this.webapps = PathPatternRequestMatcher.withDefaults().matcher(webappPath + "/**");
        // Every POST under the webapps' authentication resource: Jersey also serves ".../login/tasklist/" (a trailing
        // slash) and other spellings, so a narrower pattern would leave a path to guess passwords uncounted.
        this.webappLogin = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, webappPath + "/api/admin/auth/**");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Duration wait = throttle.waitTime(address);
        if (!wait.isZero()) {
            tooManyFailedLogins(request, response, wait);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(address);
        }
    }

    /** The webapps' login form, or HTTP Basic credentials anywhere else (the webapps never read them). */
    private boolean isLoginAttempt(HttpServletRequest request) {
        if (webappLogin.matches(request)) {
            return true;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && !webapps.matches(request);
    }

    private void tooManyFailedLogins(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins from this address; the next login is checked in " + seconds + " seconds.");
        problem.setType(PROBLEM_TYPE);
        problem.setTitle("Too many failed logins");
        try {
            problem.setInstance(new URI(request.getRequestURI()));
        } catch (URISyntaxException e) {
            // Without an instance: the path is not a valid URI reference.
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
