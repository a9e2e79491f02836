package dk.kk.ks.flow.resignation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.platform.JsonVar;
import dk.kk.ks.flow.platform.Var;

/** The variables of the resignation process, by name and type. The call activity of a dismissal sets the same inputs. */
public final class ResignationVariables {

    public static final Var<String> EMPLOYEE_NUMBER = Var.of("employeeNumber", String.class);
    /** ISO date of the last working day: the termination date registered in Opus. */
    public static final Var<String> LAST_WORKING_DAY = Var.of("lastWorkingDay", String.class);
    public static final Var<String> REASON = Var.of("reason", String.class);
    public static final Var<String> REPORTED_BY = Var.of("reportedBy", String.class);
    /** True when another case (a dismissal) called this one: that case writes to ServiceNow, not this one. */
    public static final Var<Boolean> PART_OF_OTHER_CASE = Var.of("partOfOtherCase", Boolean.class);

    /**
     * What "Hent medarbejder i Opus" (the connector opusEmployeeConnector) found: its result variable, a map with found,
     * name, hireDate, employeeType, department, hasPaymentCard, annualSalary, holidayDaysTakenThisHolidayYear, ... (no CPR).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Var<Map<String, Object>> OPUS_EMPLOYEE = Var.of("medarbejder", (Class<Map<String, Object>>) (Class) Map.class);
    static final Var<String> EMPLOYEE_NAME = Var.of("employeeName", String.class);
    static final Var<String> EMPLOYEE_TYPE = Var.of("employeeType", String.class);
    static final Var<String> DEPARTMENT = Var.of("department", String.class);
    static final Var<Boolean> HAS_PAYMENT_CARD = Var.of("hasPaymentCard", Boolean.class);
    static final Var<Boolean> PAYMENT_CARD_CLOSED = Var.of("paymentCardClosed", Boolean.class);
    /** Has a card in Opus that the card issuer could not block: a caseworker must see to it. */
    static final Var<Boolean> CARD_NOT_CLOSED = Var.of("cardNotClosed", Boolean.class);
    static final Var<Double> ADVANCE_HOLIDAY_DAYS = Var.of("advanceHolidayDays", Double.class);
    static final Var<Double> ADVANCE_HOLIDAY_DEDUCTION = Var.of("advanceHolidayDeduction", Double.class);
    /**
     * The deduction as Opus's one-off payment line (a negative amount), kept in step with {@link #ADVANCE_HOLIDAY_DEDUCTION}:
     * the input of "Registrer fradrag i Opus Løn" (opusOneOffPaymentConnector).
     */
    static final JsonVar<List<OpusLonPort.OneOffPaymentLine>> DEDUCTION_LINES = JsonVar.of("fradragslinjer", new TypeReference<>() { });
    /** From the decision tables: AUTOMATIC, STANDARD or SPECIAL, why, and the team. */
    static final Var<String> TRIAGE = Var.of("triage", String.class);
    static final Var<String> TRIAGE_REASON = Var.of("triageReason", String.class);
    static final Var<String> TEAM = Var.of("team", String.class);
    /** Set by the caseworker's form: CONFIRM or CORRECT, and the corrected deduction. */
    static final Var<String> DECISION = Var.of("decision", String.class);
    static final Var<Double> CORRECTED_DEDUCTION = Var.of("correctedDeduction", Double.class);

    private ResignationVariables() {
    }
}
