package dk.kk.ks.flow.cases;

/** The same ServiceNow record was already sent with a different body: 409. */
class CaseConflictException extends RuntimeException {

    CaseConflictException(String message) {
        super(message);
    }
}
