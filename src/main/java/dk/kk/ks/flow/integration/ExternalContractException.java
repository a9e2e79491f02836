package dk.kk.ks.flow.integration;

/**
 * The system refused the request as malformed or unauthorised (400, 401, 403, 405, ...), or something that is not the
 * system answered (a 404 that is not in the system's error document: a wrong base URL or route): our configuration
 * or the interface contract is wrong. Not a business outcome: the engine retries it, then it is an incident for an operator.
 */
public class ExternalContractException extends ExternalSystemException {

    public ExternalContractException(String system, int status, String message) {
        super(system, status, message);
    }
}
