package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import dk.kk.ks.flow.platform.JsonVar;
import dk.kk.ks.flow.platform.Var;

/** The variables of the timesheet process, by name and type. */
final class TimesheetVariables {

    /** What Opus told about the employee, as far as the timesheet needs it (no CPR). */
    record EmployeeFacts(String name, LocalDate hireDate, LocalDate endDate, BigDecimal annualSalary) {
    }

    static final Var<String> EMPLOYEE_NUMBER = Var.of("employeeNumber", String.class);
    static final Var<String> AGREEMENT = Var.of("agreement", String.class);
    /** The day ServiceNow submitted the timesheet (ISO date): the reference for FUTURE_DATE and OLDER_THAN_90_DAYS. */
    static final Var<String> SUBMITTED_ON = Var.of("submittedOn", String.class);
    static final JsonVar<List<TimesheetLine>> LINES = JsonVar.of("timesheetLines", new TypeReference<>() { });
    /** Null when Opus does not know the employee. */
    static final JsonVar<EmployeeFacts> EMPLOYEE = JsonVar.of("employee", new TypeReference<>() { });
    static final Var<String> EMPLOYEE_NAME = Var.of("employeeName", String.class);
    /** The supplements as calculated, and as corrected by a caseworker: what is keyed into Opus. */
    static final JsonVar<Calculation> CALCULATION = JsonVar.of("calculation", new TypeReference<>() { });
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
