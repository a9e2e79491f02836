package dk.kk.ks.flow.integration;

/**
 * The system understood the request and refused it for a business reason (404, 409, 422), with a
 * machine-readable code such as {@code DEBTOR_BLOCKED}. Delegates turn this into a BPMN error.
 */
public class ExternalRejectionException extends ExternalSystemException {

    private final String code;

    public ExternalRejectionException(String system, int status, String code, String message) {
        super(system, status, message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
