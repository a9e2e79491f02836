package dk.kk.ks.flow.processowners;

/** A candidate table over the limit (ksflow.process-owners.what-if.max-body-bytes): 413. */
class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(int maxBytes) {
        super("Tabellen er større end " + maxBytes + " bytes");
    }
}
