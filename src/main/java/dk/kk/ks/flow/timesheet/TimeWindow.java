package dk.kk.ks.flow.timesheet;

import java.time.LocalTime;
import java.util.List;

/**
 * A daily window {@code [from, to)}. When {@code to} is at or before {@code from} the window
 * runs past midnight (23:00-06:00); {@code to} = 00:00 therefore means "until midnight".
 */
record TimeWindow(LocalTime from, LocalTime to) {

    static TimeWindow untilMidnight(LocalTime from) {
        return new TimeWindow(from, LocalTime.MIDNIGHT);
    }

    boolean contains(LocalTime time) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    List<LocalTime> boundaries() {
        return List.of(from, to);
    }
}
