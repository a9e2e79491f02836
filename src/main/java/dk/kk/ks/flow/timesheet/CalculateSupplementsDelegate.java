package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseVariables;

/**
 * "Beregn tillæg": the supplements and the warnings, from the timesheet and what "Hent medarbejder i Opus" found
 * (employment dates and salary; an employee Opus does not know is named "(ukendt i Opus)" and warned about). Without
 * warnings the timesheet is keyed with no human step ({@code automatic}); the warnings are the case's reasons for
 * review. The supplements are also set as the payment lines for Opus.
 */
@Component("calculateSupplements")
class CalculateSupplementsDelegate implements JavaDelegate {

    static final String UNKNOWN_EMPLOYEE_NAME = "(ukendt i Opus)";

    private final TimesheetCalculations calculations;
    private final PaymentLines paymentLines;

    CalculateSupplementsDelegate(TimesheetCalculations calculations, PaymentLines paymentLines) {
        this.calculations = calculations;
        this.paymentLines = paymentLines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> employee = OPUS_EMPLOYEE.get(execution);
        boolean found = employee != null && Boolean.TRUE.equals(employee.get("found"));
        EMPLOYEE_NAME.set(execution, found ? (String) employee.get("name") : UNKNOWN_EMPLOYEE_NAME);
        Calculation calculation = calculations.calculate(
                LINES.require(execution),
                AGREEMENT.require(execution),
                null,
                found ? decimal(employee.get("annualSalary")) : null,
                found ? new Employment(date(employee.get("hireDate")), date(employee.get("endDate"))) : null,
                LocalDate.parse(SUBMITTED_ON.require(execution)));
        paymentLines.set(execution, calculation);
        AUTOMATIC.set(execution, calculation.warnings().isEmpty());
        CaseVariables.REASONS.set(execution, calculation.warnings());
        WARNINGS_TEXT.set(execution, TimesheetCalculations.danish(calculation.warnings()));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static LocalDate date(Object value) {
        return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString());
    }
}
