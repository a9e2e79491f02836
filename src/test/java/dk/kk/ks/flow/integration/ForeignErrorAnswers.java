package dk.kk.ks.flow.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dk.kk.ks.flow.integration.ExternalErrorDecoder.ErrorDocument;

/**
 * Error answers for the WireMock contract tests that do not come from the system itself: a 404 (409, 422) from a wrong
 * base URL or route (Spring Boot's default error body, problem details, an HTML page, nothing, the other kind of
 * system's error document), and 401/403 even in the system's own document. Each is a technical failure (an
 * ExternalContractException: retried, then an incident), never a business rejection.
 */
public final class ForeignErrorAnswers {

    /** Would be the personal data of a body: it must never reach an exception message. */
    public static final String BODY_MARKER = "0101901234";

    private ForeignErrorAnswers() {
    }

    /** The answers (name, status, content type or null, body) that are not an error document of a system that writes {@code own}. */
    public static Stream<Arguments> notFrom(ErrorDocument own) {
        List<Arguments> answers = new ArrayList<>(List.of(
                Arguments.of("404 with Spring Boot's default error body", 404, "application/json",
                        "{\"timestamp\":\"2026-11-27T10:00:00.000+00:00\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/wrong/" + BODY_MARKER + "\"}"),
                Arguments.of("404 with problem details", 404, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No static resource " + BODY_MARKER + "\"}"),
                Arguments.of("404 with an HTML page", 404, "text/html", "<html><body><h1>404 Not Found</h1>" + BODY_MARKER + "</body></html>"),
                Arguments.of("404 without a body", 404, null, ""),
                Arguments.of("409 with plain text", 409, "text/plain", "Conflict " + BODY_MARKER),
                Arguments.of("422 with JSON that has no code", 422, "application/json", "{\"errors\":[\"" + BODY_MARKER + "\"]}"),
                Arguments.of("401 in the system's own document", 401, "application/json", own == ErrorDocument.SERVICENOW
                        ? "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"" + BODY_MARKER + "\"},\"status\":\"failure\"}"
                        : "{\"code\":\"UNAUTHORIZED\",\"message\":\"" + BODY_MARKER + "\"}"),
                Arguments.of("403 in the system's own document", 403, "application/json", own == ErrorDocument.SERVICENOW
                        ? "{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"" + BODY_MARKER + "\"},\"status\":\"failure\"}"
                        : "{\"code\":\"FORBIDDEN\",\"message\":\"" + BODY_MARKER + "\"}")));
        answers.add(own == ErrorDocument.SERVICENOW
                ? Arguments.of("404 with a coded document, not ServiceNow's", 404, "application/json",
                        "{\"code\":\"NOT_FOUND\",\"message\":\"" + BODY_MARKER + "\"}")
                : Arguments.of("404 with ServiceNow's document, not this system's", 404, "application/json",
                        "{\"error\":{\"message\":\"No Record found\",\"detail\":\"" + BODY_MARKER + "\"},\"status\":\"failure\"}"));
        return answers.stream();
    }

    /** The WireMock answer. */
    public static ResponseDefinitionBuilder answer(int status, String contentType, String body) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(status).withBody(body);
        return contentType == null ? answer : answer.withHeader("Content-Type", contentType);
    }

    /** The failure is technical (a contract error of the system, with its status) and names nothing from the body. */
    public static void assertTechnical(Throwable thrown, String system, int status) {
        assertThat(thrown).isExactlyInstanceOf(ExternalContractException.class);
        ExternalContractException failure = (ExternalContractException) thrown;
        assertThat(failure.system()).isEqualTo(system);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.getMessage()).startsWith(system + " answered " + status + " to ").doesNotContain(BODY_MARKER);
    }
}
