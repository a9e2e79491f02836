package dk.kk.ks.flow.cases;

/** No case with that id: 404. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseId) {
        super("No case with id " + caseId);
    }
}
