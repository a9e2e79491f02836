package dk.kk.ks.flow.processowners;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dk.kk.ks.flow.platform.ApiProblems;

/** The process owners' refusals of their own, as problem details like the rest of the API (the 400s are the API's own). */
@RestControllerAdvice(basePackageClasses = ProcessOwnerProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessOwnerProblems {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return respond(ApiProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
