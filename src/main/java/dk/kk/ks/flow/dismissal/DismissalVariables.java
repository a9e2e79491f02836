package dk.kk.ks.flow.dismissal;

import java.util.Map;

import dk.kk.ks.flow.platform.Var;

/** The variables of the dismissal process, by name and type. No CPR number: delegates read it from Opus when they need it. */
final class DismissalVariables {

    static final Var<String> EMPLOYEE_NUMBER = Var.of("employeeNumber", String.class);
    static final Var<String> REASON_CATEGORY = Var.of("reasonCategory", String.class);
    static final Var<String> REASON_TEXT = Var.of("reasonText", String.class);
    static final Var<String> REQUESTED_BY = Var.of("requestedBy", String.class);

    /** Opus Løn's employee connector's result (found, name, employeeType, hireDate, probation, ...; never the CPR number). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Var<Map<String, Object>> EMPLOYEE = (Var) Var.of("medarbejder", Map.class);
    static final Var<String> EMPLOYEE_NAME = Var.of("employeeName", String.class);
    static final Var<String> EMPLOYEE_TYPE = Var.of("employeeType", String.class);
    /** ISO dates. */
    static final Var<String> HIRE_DATE = Var.of("hireDate", String.class);
    static final Var<Boolean> PROBATION = Var.of("probation", Boolean.class);
    static final Var<String> HEARING_DEADLINE = Var.of("hearingDeadline", String.class);
    /** The hearing letter's text for the caseworker's check. */
    static final Var<String> HEARING_LETTER_PREVIEW = Var.of("hearingLetterPreview", String.class);
    /** The hearing deadline's last moment in Copenhagen, for the timer: {@code 2027-04-14T23:59:59+02:00}. */
    static final Var<String> HEARING_DEADLINE_ENDS = Var.of("hearingDeadlineEnds", String.class);
    /** The union that gets a copy of the hearing letter: its CVR number and name. */
    static final Var<String> UNION_CVR = Var.of("unionCvr", String.class);
    static final Var<String> UNION_NAME = Var.of("unionName", String.class);
    static final Var<String> EDOC_CASE_NUMBER = Var.of("edocCaseNumber", String.class);
    /** Set by the hearing-reply message. */
    static final Var<String> REPLY_RECEIVED_AT = Var.of("hearingReplyReceivedAt", String.class);
    static final Var<String> REPLY_SUMMARY = Var.of("hearingReplySummary", String.class);
    /** Set by the decision form: DISMISS or WITHDRAW, with a written justification. */
    static final Var<String> DECISION = Var.of("decision", String.class);
    static final Var<String> JUSTIFICATION = Var.of("justification", String.class);
    static final Var<String> NOTICE_DATE = Var.of("noticeDate", String.class);
    static final Var<String> TERMINATION_DATE = Var.of("terminationDate", String.class);
    static final Var<Integer> NOTICE_MONTHS = Var.of("noticeMonths", Integer.class);
    static final Var<Integer> NOTICE_DAYS = Var.of("noticeDays", Integer.class);
    static final Var<Integer> SEVERANCE_MONTHS = Var.of("severanceMonths", Integer.class);
    /** The input parameter of the "Skriv ...brev" tasks: HEARING, DISMISSAL or WITHDRAWAL. */
    static final Var<String> LETTER = Var.of("letter", String.class);

    private DismissalVariables() {
    }
}
