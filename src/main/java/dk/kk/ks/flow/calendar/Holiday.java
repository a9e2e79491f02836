package dk.kk.ks.flow.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.swagger.v3.oas.annotations.media.Schema;

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
@Schema(description = "A day that earns the Sunday/holiday supplement from `from` until midnight")
public record Holiday(
        @Schema(example = "2027-03-25") LocalDate date,
        @Schema(description = "The Danish name; two holidays on one date are joined with \" / \"", example = "Skærtorsdag") String name,
        @Schema(type = "string", description = "The time of day from which the day counts as a holiday", example = "00:00")
        @JsonFormat(pattern = "HH:mm") LocalTime from) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
    }
}
