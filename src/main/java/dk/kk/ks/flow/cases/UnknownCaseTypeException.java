package dk.kk.ks.flow.cases;

/** A POST to /api/v1/{caseType} for a case type the application does not have: 404. */
class UnknownCaseTypeException extends RuntimeException {

    UnknownCaseTypeException(String caseType) {
        super("Unknown case type '" + caseType + "'");
    }
}
