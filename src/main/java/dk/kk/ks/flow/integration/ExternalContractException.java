package dk.kk.ks.flow.integration;

/**
 * The system refused the request as malformed or unauthorised (400, 401, 403, 405, ...): our configuration
 * or the interface contract is wrong. Not a business outcome: it ends as an incident for an operator.
 */
public class ExternalContractException extends ExternalSystemException {

    public ExternalContractException(String system, int status, String message) {
        super(system, status, message);
    }
}
