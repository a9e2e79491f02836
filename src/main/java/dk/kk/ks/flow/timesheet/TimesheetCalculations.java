package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.calendar.HolidayCalendar;

/** The timesheet's rules in one call: the supplements of an agreement, at a wage, with the review warnings. */
@Component
class TimesheetCalculations {

    private static final Map<TimesheetWarning, String> DANISH = Map.of(
            TimesheetWarning.LINE_OVER_13_HOURS, "En vagt er længere end 13 timer",
            TimesheetWarning.OVERLAPPING_LINES, "To vagter overlapper",
            TimesheetWarning.FUTURE_DATE, "En vagt ligger efter indsendelsesdagen",
            TimesheetWarning.OLDER_THAN_90_DAYS, "En vagt er mere end 90 dage gammel",
            TimesheetWarning.NOT_EMPLOYED_ON_DATE, "Medarbejderen var ikke ansat på en vagts dato",
            TimesheetWarning.UNKNOWN_EMPLOYEE, "Medarbejderen findes ikke i Opus");

    private final Agreements agreements;
    private final SupplementCalculator calculator;
    private final TimesheetWarnings warnings;
    private final HolidayCalendar calendar;
    private final TimesheetProperties properties;

    TimesheetCalculations(Agreements agreements, SupplementCalculator calculator, TimesheetWarnings warnings,
                          HolidayCalendar calendar, TimesheetProperties properties) {
        this.agreements = agreements;
        this.calculator = calculator;
        this.warnings = warnings;
        this.calendar = calendar;
        this.properties = properties;
    }

    /**
     * @param employment null when Opus does not know the employee
     * @param hourlyWage the wage to use; null to derive it from the annual salary (zero when unknown)
     */
    Calculation calculate(List<TimesheetLine> lines, String agreement, BigDecimal hourlyWage, BigDecimal annualSalary,
                          Employment employment, LocalDate submittedOn) {
        BigDecimal wage = hourlyWage != null ? hourlyWage
                : annualSalary != null ? properties.hourlyWage(annualSalary) : BigDecimal.ZERO.setScale(2);
        Calculation calculation = calculator.calculate(lines, wage, agreements.get(agreement), calendar);
        return calculation.withWarnings(warnings.evaluate(lines, submittedOn, employment));
    }

    static String danish(List<String> warningCodes) {
        return warningCodes.stream()
                .map(code -> DANISH.getOrDefault(TimesheetWarning.valueOf(code), code))
                .collect(Collectors.joining(". ", "", warningCodes.isEmpty() ? "" : "."));
    }

    List<dk.kk.ks.flow.cases.CaseType.FieldError> validate(String agreement, List<TimesheetRequest.Line> lines) {
        return TimesheetRequest.crossFieldErrors(agreement, lines, agreements);
    }
}
