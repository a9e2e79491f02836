package dk.kk.ks.flow.timesheet;

/** The kind of work on a timesheet line. */
public enum Kind {
    /** Ordinary hours: earn every supplement whose window they fall in. */
    NORMAL,
    /** Overtime: earns only OVERTIME_50 or OVERTIME_100. */
    OVERTIME
}
