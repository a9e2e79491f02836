package dk.kk.ks.flow.cases;

/** A request body over the configured maximum (1 MiB): 413. */
class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(int maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
    }
}
