package dk.kk.ks.flow.timesheet;

/**
 * Reasons a timesheet goes to {@code ks-loen} for review instead of being posted
 * automatically (docs/rules.md, "Timesheets"), in the order they are reported.
 */
public enum TimesheetWarning {
    LINE_OVER_13_HOURS,
    OVERLAPPING_LINES,
    FUTURE_DATE,
    OLDER_THAN_90_DAYS,
    NOT_EMPLOYED_ON_DATE,
    UNKNOWN_EMPLOYEE
}
