package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;

@Component
class TimesheetCaseType extends CaseType<TimesheetRequest> {

    static final String PROCESS_KEY = "timesheet";

    private final TimesheetCalculations calculations;
    private final Clock clock;

    TimesheetCaseType(TimesheetCalculations calculations, Clock clock) {
        super("timesheets", PROCESS_KEY, TimesheetRequest.class);
        this.calculations = calculations;
        this.clock = clock;
    }

    @Override
    public List<FieldError> validate(TimesheetRequest request) {
        return calculations.validate(request.agreement(), request.lines());
    }

    @Override
    public Map<String, Object> startVariables(TimesheetRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(EMPLOYEE_NUMBER.name(), request.employeeNumber());
        variables.put(AGREEMENT.name(), request.agreement());
        variables.put(SUBMITTED_ON.name(), LocalDate.now(clock).toString());
        variables.put(LINES.name(), LINES.typed(request.timesheetLines()));
        return variables;
    }

    @Override
    public Map<String, Object> result(Map<String, Object> variables) {
        Map<String, Object> result = new LinkedHashMap<>();
        Calculation calculation = CALCULATION.from(variables);
        if (calculation != null) {
            result.put("hourlyWage", calculation.hourlyWage());
            result.put("lines", calculation.lines());
            result.put("totals", calculation.totals());
            result.put("totalAmount", calculation.totalAmount());
            result.put("warnings", calculation.warnings());
        }
        Boolean automatic = AUTOMATIC.from(variables);
        if (automatic != null) {
            result.put("automatic", automatic);
        }
        return result;
    }

    @Override
    public Class<TimesheetResult> resultType() {
        return TimesheetResult.class;
    }

    @Override
    protected List<Outcome> possibleOutcomes() {
        return List.of(Outcome.POSTED, Outcome.REJECTED);
    }

    @Override
    protected List<Reason> possibleReasons() {
        return Stream.concat(Arrays.stream(TimesheetWarning.values()).map(warning -> Reason.valueOf(warning.name())),
                Stream.of(Reason.REJECTED_BY_CASEWORKER)).toList();
    }
}
