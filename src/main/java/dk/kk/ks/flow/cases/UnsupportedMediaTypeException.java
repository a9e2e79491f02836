package dk.kk.ks.flow.cases;

/** A request body that is not application/json: 415. */
public class UnsupportedMediaTypeException extends RuntimeException {

    public UnsupportedMediaTypeException() {
        super("The request body must be application/json");
    }
}
