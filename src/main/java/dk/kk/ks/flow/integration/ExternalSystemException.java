package dk.kk.ks.flow.integration;

/**
 * A call to an external system failed. Subclasses say whether it is worth retrying.
 * Messages never contain request or response bodies (they may hold personal data).
 */
public abstract class ExternalSystemException extends RuntimeException {

    private final String system;
    private final int status;

    protected ExternalSystemException(String system, int status, String message) {
        super(message);
        this.system = system;
        this.status = status;
    }

    public String system() {
        return system;
    }

    /** The HTTP status the system answered with, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}
