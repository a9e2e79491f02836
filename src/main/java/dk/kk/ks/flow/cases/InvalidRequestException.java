package dk.kk.ks.flow.cases;

import java.util.List;

/** A request body that is not acceptable: answered 400 with every offending field named. */
public class InvalidRequestException extends RuntimeException {

    private final List<CaseType.FieldError> errors;

    public InvalidRequestException(String message, List<CaseType.FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<CaseType.FieldError> errors() {
        return errors;
    }
}
