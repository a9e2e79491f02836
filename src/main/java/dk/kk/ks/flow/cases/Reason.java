package dk.kk.ks.flow.cases;

import dk.kk.ks.flow.platform.DanishTexts;

/**
 * Every reason code KS Flow itself writes into a case's {@code reasons}: why it was rejected, or why a person
 * reviewed it. The names are the REST API's contract with ServiceNow and never change. Each case type lists its own
 * ({@link CaseType#possibleReasons}); the Danish text of each is in {@link DanishTexts#REASONS}. An external system's
 * refusal adds its own code (a string), which the work note shows by its Danish text too when it has one.
 */
public enum Reason {
    // Decisions of people
    REJECTED_BY_APPROVER,
    REJECTED_BY_REVIEWER,
    REJECTED_BY_CASEWORKER,
    EXPIRED,
    // Master data in Opus
    UNKNOWN_EMPLOYEE,
    DEBTOR_BLOCKED,
    // Postings and settlements in Opus Økonomi
    TOO_FEW_LINES,
    UNBALANCED,
    UNKNOWN_ACCOUNT,
    INACTIVE_COST_CENTER,
    PERIOD_CLOSED,
    INVALID_VAT_CODE,
    // Service contracts
    UNKNOWN_CONTRACT,
    CONTRACT_INACTIVE,
    WRONG_DEPARTMENT,
    // Payment cards
    NO_MANAGER,
    NO_MANAGER_ABOVE_REQUESTER,
    LIMIT_ABOVE_MAXIMUM,
    NO_OPEN_CARD,
    // Timesheets (TimesheetWarning)
    LINE_OVER_13_HOURS,
    OVERLAPPING_LINES,
    FUTURE_DATE,
    OLDER_THAN_90_DAYS,
    NOT_EMPLOYED_ON_DATE,
    // Resignations (the triage decision table)
    DEATH,
    CIVIL_SERVANT,
    ADVANCE_HOLIDAY,
    PAYMENT_CARD_NOT_CLOSED,
    ROUTINE;

    /** The Danish text, as the work note and the forms show it. */
    public String text() {
        return DanishTexts.ofCode(DanishTexts.REASONS, name());
    }
}
