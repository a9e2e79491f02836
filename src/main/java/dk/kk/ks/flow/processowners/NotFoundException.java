package dk.kk.ks.flow.processowners;

/** A decision or case type that does not exist: 404, with the Danish text as detail. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
