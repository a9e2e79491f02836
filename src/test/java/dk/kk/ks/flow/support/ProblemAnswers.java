package dk.kk.ks.flow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every refusal of the API is: RFC 9457 problem details that tell the caller what is wrong, without
 * showing how the application is built (no Java, Jackson or Spring class names, exception texts or parser
 * positions).
 */
public final class ProblemAnswers {

    /** Fragments of Java, Jackson and Spring messages; none belongs in an answer to a caller. */
    private static final List<String> INTERNALS = List.of("java.", "javax.", "jakarta.", "com.fasterxml", "jackson",
            "org.springframework", "org.camunda", "dk.kk.", "exception", "cannot deserialize", "cannot construct",
            "cannot coerce", "cannot map", "unrecognized token", "unrecognized field", "unexpected character",
            "was expecting", "source:", "line:", "column:", "reference chain", "(byte[])", "redacted", "`",
            "failed to convert", "required request parameter", "for method parameter", "stack");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswers() {
    }

    /** The answer has the status, is application/problem+json with that status, and names no internals. */
    public static JsonNode assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as("Content-Type of " + response.getBody()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("Content-Type " + response.getHeaders().getContentType()).isTrue();
        assertNoInternals(response.getBody());
        try {
            JsonNode problem = JSON.readTree(response.getBody());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("type").asText()).isNotBlank();
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("detail").asText()).isNotBlank();
            return problem;
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    /** The text mentions none of the Java, Jackson or Spring internals in {@link #INTERNALS}. */
    public static void assertNoInternals(String body) {
        String lower = body == null ? "" : body.toLowerCase(java.util.Locale.ROOT);
        for (String internal : INTERNALS) {
            assertThat(lower).as("an answer that shows internals (" + internal + "): " + body).doesNotContain(internal);
        }
    }
}
