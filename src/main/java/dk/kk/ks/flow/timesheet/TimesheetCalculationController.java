package dk.kk.ks.flow.timesheet;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.RequestReader;
import dk.kk.ks.flow.integration.opus.OpusLonPort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/timesheets/calculation}: the supplement calculation for ServiceNow's preview; starts nothing. */
@RestController
@Tag(name = "Timesheets")
class TimesheetCalculationController {

    private final RequestReader reader;
    private final TimesheetCalculations calculations;
    private final OpusLonPort opus;
    private final Clock clock;

    TimesheetCalculationController(RequestReader reader, TimesheetCalculations calculations, OpusLonPort opus, Clock clock) {
        this.reader = reader;
        this.calculations = calculations;
        this.opus = opus;
        this.clock = clock;
    }

    @Operation(operationId = "calculateTimesheet", summary = "Calculate a timesheet's supplements",
            description = "Starts nothing. Without hourlyWage, the wage is the annual salary in Opus / 1924. Warnings as for a case.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = TimesheetRequest.CalculationRequest.class))),
            responses = @ApiResponse(responseCode = "200", description = "The supplements",
                    content = @Content(schema = @Schema(implementation = Calculation.class))))
    @PostMapping(path = "/api/v1/timesheets/calculation", produces = MediaType.APPLICATION_JSON_VALUE)
    Calculation calculate(HttpServletRequest http) {
        TimesheetRequest.CalculationRequest request = reader.read(http,
                TimesheetRequest.CalculationRequest.class, r -> calculations.validate(r.agreement(), r.lines()));
        OpusLonPort.Employee employee = opus.employee(request.employeeNumber()).orElse(null);
        return calculations.calculate(
                request.lines().stream().map(TimesheetRequest.Line::toTimesheetLine).toList(),
                request.agreement(),
                request.hourlyWage(),
                employee == null ? null : employee.annualSalary(),
                employee == null ? null : new Employment(employee.hireDate(), employee.endDate()),
                LocalDate.now(clock));
    }
}
