package dk.kk.ks.flow.cases;

import java.util.List;
import java.util.Map;

/**
 * One case type of the intake API. A new case type adds a request DTO (a record with Bean Validation
 * annotations), a record that describes its {@code result}, a subclass of this class (a Spring bean) and its
 * BPMN process. The API description (IntakeOpenApi) is made from the records, the outcomes and the reason codes.
 */
public abstract class CaseType<R extends CaseRequest> {

    private final String name;
    private final String processKey;
    private final Class<R> requestType;

    /**
     * @param name        the path segment and the {@code caseType} of the CaseView, e.g. {@code invoice-payouts}
     * @param processKey  the BPMN process id started for a case
     * @param requestType the intake body: a record, whose components RequestReader checks one by one
     */
    protected CaseType(String name, String processKey, Class<R> requestType) {
        if (!requestType.isRecord()) {
            throw new IllegalArgumentException("The request type of case type " + name + " must be a record: " + requestType.getName());
        }
        this.name = name;
        this.processKey = processKey;
        this.requestType = requestType;
    }

    /** The path segment and the {@code caseType} of the CaseView, e.g. {@code invoice-payouts}. */
    public String name() {
        return name;
    }

    /** The BPMN process id started for a case. */
    public String processKey() {
        return processKey;
    }

    public Class<R> requestType() {
        return requestType;
    }

    /** Rules across fields that annotations cannot say; each violation names its field. */
    public List<FieldError> validate(R request) {
        return List.of();
    }

    /** The process variables a case starts with. */
    public abstract Map<String, Object> startVariables(R request);

    /** The case type's computed figures for the CaseView, from the case's variables. */
    public abstract Map<String, Object> result(Map<String, Object> variables);

    /**
     * The shape of {@link #result}, for the API description only: a record whose components are the keys that
     * result writes, annotated {@code @Schema(nullable = true)} where the value may be null and
     * {@code @Schema(requiredMode = NOT_REQUIRED)} where the key may be missing.
     */
    public abstract Class<? extends Record> resultType();

    /** Every outcome a case of this type can end with, in the order the API description lists them. */
    protected abstract List<Outcome> possibleOutcomes();

    /**
     * Every reason KS Flow writes into {@code reasons} of a case of this type, in the order the API description lists
     * them. An external system may add a refusal code before it is listed here: the CaseView still reports it as it
     * is (clients are told to generate with unknown enum values tolerated).
     */
    protected abstract List<Reason> possibleReasons();

    /** Every {@code outcome} a case of this type can end with, as the API description lists them. */
    public final List<String> outcomes() {
        return possibleOutcomes().stream().map(Enum::name).toList();
    }

    /** Every code a case of this type can have in {@code reasons}, as the API description lists them. */
    public final List<String> reasonCodes() {
        return possibleReasons().stream().map(Enum::name).toList();
    }

    /** The case's figures as a Danish sentence for the ServiceNow work note (never personal data); null: none. */
    public String workNoteSummary(Map<String, Object> variables) {
        return null;
    }

    /** A field that failed validation, named as in the JSON body (e.g. {@code lines[2].end}). */
    public record FieldError(String field, String message) {
    }
}
