package dk.kk.ks.flow.integration;

/**
 * The system understood the request and refused it for a business reason, or does not know the record: a 404, 409 or
 * 422 in the system's own error document (ExternalErrorDecoder), with a machine-readable code such as
 * {@code DEBTOR_BLOCKED}. Delegates turn this into a BPMN error or a business outcome.
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
