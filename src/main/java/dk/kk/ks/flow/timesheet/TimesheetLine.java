package dk.kk.ks.flow.timesheet;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One shift on a timesheet. An {@code end} before {@code start} means the shift ends the
 * next day; {@code end} equal to {@code start} is invalid (rejected by {@link #endDateTime()}).
 * Times are whole minutes (the contract's {@code HH:mm}).
 */
public record TimesheetLine(LocalDate date, LocalTime start, LocalTime end, Kind kind) {

    public TimesheetLine {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
    }

    public LocalDateTime startDateTime() {
        return date.atTime(start);
    }

    /**
     * @throws IllegalArgumentException when end equals start, or a time is not a whole minute
     */
    public LocalDateTime endDateTime() {
        if (end.equals(start)) {
            throw new IllegalArgumentException("end must differ from start: " + this);
        }
        if (!isWholeMinute(start) || !isWholeMinute(end)) {
            throw new IllegalArgumentException("start and end must be whole minutes: " + this);
        }
        LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
        return endDate.atTime(end);
    }

    /** The length of the shift. */
    public Duration duration() {
        return Duration.between(startDateTime(), endDateTime());
    }

    private static boolean isWholeMinute(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0;
    }
}
