package dk.kk.ks.flow.platform;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of the API (/api/**; with sso also /engine-rest/**) as problem details, like the API's other refusals.
 * A 401 still asks for credentials (WWW-Authenticate: HTTP Basic, or with sso a bearer token), and says the same
 * whether the user is unknown, the password wrong, or the token expired, foreign or badly signed.
 */
class ApiSecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;
    private final String challenge;

    /** @param challenge the WWW-Authenticate value: {@code Basic realm="KS Flow"} or {@code Bearer} */
    ApiSecurityProblems(ObjectMapper objectMapper, String challenge) {
        this.objectMapper = objectMapper;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(request, response, ApiProblems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                challenge.startsWith("Bearer") ? "Authentication is required: a valid bearer token from the identity provider"
                        : "Authentication is required: HTTP Basic with a valid user and password"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, ApiProblems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The user is not in a group that may use this endpoint"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // The instance is optional; a path that is no URI is not repeated.
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
