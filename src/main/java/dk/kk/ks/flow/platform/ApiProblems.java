package dk.kk.ks.flow.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as every refusal of the API gives them: a type under one base URI, a short title
 * and a detail in technical English that names what is wrong, never how the application is built.
 */
public final class ApiProblems {

    public static final String TYPE_BASE = "https://ksflow.kk.dk/problems/";

    private ApiProblems() {
    }

    /** @param type the last segment of the problem type, e.g. {@code invalid-request} */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
