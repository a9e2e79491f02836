package dk.kk.ks.flow.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A day that earns the Sunday/holiday supplement from {@code from} until midnight.
 *
 * @param date the calendar date
 * @param name the Danish name, e.g. "Påskedag"; when two holidays fall on the same date
 *             both names are joined with " / " (see {@link HolidayCalendar})
 * @param from the time of day from which the day counts as a holiday (00:00 for most)
 */
public record Holiday(LocalDate date, String name, @JsonFormat(pattern = "HH:mm") LocalTime from) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
    }
}
