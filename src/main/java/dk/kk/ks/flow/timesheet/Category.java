package dk.kk.ks.flow.timesheet;

/** Supplement categories (docs/rules.md, "Timesheets"), in the order calculations list them. */
public enum Category {
    EVENING,
    NIGHT,
    SATURDAY,
    SUNDAY_HOLIDAY,
    OVERTIME_50,
    OVERTIME_100
}
