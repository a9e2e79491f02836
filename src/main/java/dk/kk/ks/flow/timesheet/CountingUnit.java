package dk.kk.ks.flow.timesheet;

/** How an agreement counts supplement time per date and category. */
public enum CountingUnit {
    /** Every minute counts (KK-STANDARD). */
    MINUTE(1),
    /** Per started half hour: the minutes of a date and category are rounded up to whole half hours. */
    HALF_HOUR(30);

    private final int minutes;

    CountingUnit(int minutes) {
        this.minutes = minutes;
    }

    /** The minutes that count for {@code workedMinutes} of one date and category. */
    long countedMinutes(long workedMinutes) {
        return (workedMinutes + minutes - 1) / minutes * minutes;
    }
}
