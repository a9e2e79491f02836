package dk.kk.ks.flow.integration;

/** Technical failure (5xx, timeout, connection refused): the engine retries the job, then raises an incident. */
public class ExternalSystemUnavailableException extends ExternalSystemException {

    public ExternalSystemUnavailableException(String system, int status, String message) {
        super(system, status, message);
    }
}
