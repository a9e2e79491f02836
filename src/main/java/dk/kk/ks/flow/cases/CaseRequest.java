package dk.kk.ks.flow.cases;

/** The body of a case-creation request: every case type's DTO carries ServiceNow's record number. */
public interface CaseRequest {

    String SERVICE_NOW_REF_PATTERN = "^[A-Z]{2,6}[0-9]{7}$";

    String serviceNowRef();
}
