package dk.kk.ks.flow.calendar;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/calendar/holidays?year=2027}: the days that earn the Sunday/holiday supplement. */
@RestController
@Tag(name = "Calendar")
class HolidayController {

    private final HolidayCalendar calendar;

    HolidayController(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @Operation(operationId = "getHolidays", summary = "Holidays of Københavns Kommune in a year (1900-2200)",
            description = "In date order; each with the time of day from which it earns the holiday supplement",
            responses = @ApiResponse(responseCode = "200", description = "The holidays",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = Holiday.class)))))
    @GetMapping(path = "/api/v1/calendar/holidays", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Holiday> holidays(@Parameter(description = "The year", example = "2027",
                                      schema = @Schema(type = "integer", format = "int32", minimum = "1900", maximum = "2200"))
                           @RequestParam int year) {
        if (year < HolidayCalendar.MIN_YEAR || year > HolidayCalendar.MAX_YEAR) {
            throw new InvalidRequestException("The year is outside the calendar",
                    List.of(new CaseType.FieldError("year", "must be between " + HolidayCalendar.MIN_YEAR + " and " + HolidayCalendar.MAX_YEAR)));
        }
        return calendar.holidays(year);
    }
}
