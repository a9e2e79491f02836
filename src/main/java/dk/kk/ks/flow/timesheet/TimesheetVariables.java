package dk.kk.ks.flow.timesheet;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.platform.JsonVar;
import dk.kk.ks.flow.platform.Var;

/** The variables of the timesheet process, by name and type. */
final class TimesheetVariables {

    static final Var<String> EMPLOYEE_NUMBER = Var.of("employeeNumber", String.class);
    static final Var<String> AGREEMENT = Var.of("agreement", String.class);
    /** The day ServiceNow submitted the timesheet (ISO date): the reference for FUTURE_DATE and OLDER_THAN_90_DAYS. */
    static final Var<String> SUBMITTED_ON = Var.of("submittedOn", String.class);
    static final JsonVar<List<TimesheetLine>> LINES = JsonVar.of("timesheetLines", new TypeReference<>() { });
    /**
     * What "Hent medarbejder i Opus" (the connector opusEmployeeConnector) found: its result variable, a map with found,
     * name, hireDate, endDate, annualSalary, ... (no CPR).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Var<Map<String, Object>> OPUS_EMPLOYEE = Var.of("medarbejder", (Class<Map<String, Object>>) (Class) Map.class);
    static final Var<String> EMPLOYEE_NAME = Var.of("employeeName", String.class);
    /** The supplements as calculated, and as corrected by a caseworker: what is keyed into Opus. */
    static final JsonVar<Calculation> CALCULATION = JsonVar.of("calculation", new TypeReference<>() { });
    /**
     * The supplements as one-off payment lines for Opus (wage type, date, hours, amount; no zero amounts), kept in step
     * with {@link #CALCULATION}: the input of "Indberet tillæg i Opus Løn" (opusOneOffPaymentConnector).
     */
    static final JsonVar<List<OpusLonPort.OneOffPaymentLine>> PAYMENT_LINES = JsonVar.of("tillaegslinjer", new TypeReference<>() { });
    /** The review form's corrections, one per line (see Corrections). */
    static final Var<String> CORRECTIONS = Var.of("corrections", String.class);
    static final Var<String> WARNINGS_TEXT = Var.of("warningsText", String.class);
    static final Var<Boolean> AUTOMATIC = Var.of("automatic", Boolean.class);
    /** Set by the review form: APPROVE, CORRECT or REJECT, and the caseworker's comment. */
    static final Var<String> DECISION = Var.of("decision", String.class);
    static final Var<String> COMMENT = Var.of("comment", String.class);

    private TimesheetVariables() {
    }
}
