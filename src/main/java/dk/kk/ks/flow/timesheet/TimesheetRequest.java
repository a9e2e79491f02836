package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonFormat;

import dk.kk.ks.flow.cases.CaseRequest;
import dk.kk.ks.flow.cases.CaseType;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/timesheets}: a timesheet from ServiceNow (docs/servicenow-integration.md). */
@Schema(description = "A timesheet (timeseddel): shifts whose supplements are calculated and keyed into Opus Løn")
public record TimesheetRequest(
        @Schema(example = "RITM0000002") @NotNull @Pattern(regexp = SERVICE_NOW_REF_PATTERN) String serviceNowRef,
        @Schema(example = "E10001") @NotBlank @Size(max = 20) String employeeNumber,
        @Schema(example = "KK-STANDARD", description = AGREEMENT) @NotBlank String agreement,
        @NotNull @Size(min = 1, max = 62) List<@Valid @NotNull Line> lines) implements CaseRequest {

    static final String AGREEMENT = "The collective agreement, one of those configured in KS Flow (KK-STANDARD, ...).";

    /** One shift; an end at or before the start means the shift ends the next day (equal is invalid). */
    @Schema(name = "TimesheetLine", description = "One shift; an end before the start means the shift ends the next day")
    public record Line(
            @Schema(example = "2027-03-26") @NotNull LocalDate date,
            @Schema(type = "string", example = "15:00") @NotNull @JsonFormat(pattern = "HH:mm") LocalTime start,
            @Schema(type = "string", example = "23:30", description = "Not equal to start (a shift cannot last 0 or 24 hours)")
            @NotNull @JsonFormat(pattern = "HH:mm") LocalTime end,
            @Schema(example = "NORMAL") @NotNull Kind kind) {

        TimesheetLine toTimesheetLine() {
            return new TimesheetLine(date, start, end, kind);
        }
    }

    /** {@code POST /api/v1/timesheets/calculation}: the same without serviceNowRef, optionally with the wage. */
    @Schema(name = "TimesheetCalculationRequest", description = "A timesheet to calculate without starting a case")
    public record CalculationRequest(
            @Schema(example = "E10001") @NotBlank @Size(max = 20) String employeeNumber,
            @Schema(example = "KK-STANDARD", description = AGREEMENT) @NotBlank String agreement,
            @NotNull @Size(min = 1, max = 62) List<@Valid @NotNull Line> lines,
            @Schema(description = "Kroner per hour; without it, the annual salary in Opus / 1924", example = "250.00")
            @DecimalMin(value = "0.00", inclusive = false) BigDecimal hourlyWage) {
    }

    List<TimesheetLine> timesheetLines() {
        return lines.stream().map(Line::toTimesheetLine).toList();
    }

    /** Rules across fields: a known agreement, and no shift whose end equals its start. */
    static List<CaseType.FieldError> crossFieldErrors(String agreement, List<Line> lines, Agreements agreements) {
        List<CaseType.FieldError> errors = new ArrayList<>();
        if (!agreements.contains(agreement)) {
            errors.add(new CaseType.FieldError("agreement", "must be one of " + agreements.codes()));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).start().equals(lines.get(i).end())) {
                errors.add(new CaseType.FieldError("lines[" + i + "].end", "must differ from start (a shift cannot last 0 or 24 hours)"));
            }
        }
        return errors;
    }
}
