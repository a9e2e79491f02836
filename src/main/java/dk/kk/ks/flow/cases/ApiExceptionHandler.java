package dk.kk.ks.flow.cases;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dk.kk.ks.flow.platform.ApiProblems;

/**
 * Every error of the /api/v1 API as RFC 9457 problem details (application/problem+json). Ordered before
 * Spring Boot's own problem handler, so that the Spring MVC exceptions below answer in the same shape.
 */
@RestControllerAdvice(basePackages = "dk.kk.ks.flow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return respond(problem);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Query parameter '" + e.getParameterName() + "' is required");
        problem.setProperty("errors", List.of(Map.of("field", e.getParameterName(), "message", "is required")));
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "Parameter '" + e.getName() + "' has the wrong type");
        problem.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "has the wrong type")));
        return respond(problem);
    }

    /** The JSON endpoints read their body themselves (RequestReader), which refuses all but application/json. */
    @ExceptionHandler(UnsupportedMediaTypeException.class)
    ResponseEntity<ProblemDetail> notJson(UnsupportedMediaTypeException e) {
        return unsupportedMediaType(e.getMessage(), List.of(MediaType.APPLICATION_JSON));
    }

    /** An endpoint that declares what it consumes, refusing another media type. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        List<MediaType> supported = e.getSupportedMediaTypes();
        return unsupportedMediaType(supported.isEmpty() ? "The request body has a media type this endpoint does not take"
                : "The request body must be " + supported.stream().map(MediaType::toString).collect(Collectors.joining(" or ")), supported);
    }

    private static ResponseEntity<ProblemDetail> unsupportedMediaType(String detail, List<MediaType> accepted) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", detail);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!accepted.isEmpty()) {
            response.header(HttpHeaders.ACCEPT, MediaType.toString(accepted));
        }
        return response.body(problem);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return respond(ApiProblems.problem(HttpStatus.valueOf(413), "body-too-large", "Request body too large", e.getMessage()));
    }

    @ExceptionHandler(CaseConflictException.class)
    ResponseEntity<ProblemDetail> conflict(CaseConflictException e) {
        return respond(ApiProblems.problem(HttpStatus.CONFLICT, "case-conflict", "Case already exists with another body", e.getMessage()));
    }

    @ExceptionHandler({CaseNotFoundException.class, UnknownCaseTypeException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return respond(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        if (problem.getStatus() >= 500) {
            log.error("{}: {}", problem.getTitle(), problem.getDetail());
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
