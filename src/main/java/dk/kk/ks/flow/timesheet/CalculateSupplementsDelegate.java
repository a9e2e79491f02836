package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseVariables;

/**
 * "Beregn tillæg": the supplements and the warnings. Without warnings the timesheet is keyed with no
 * human step ({@code automatic}); the warnings are the case's reasons for review.
 */
@Component("calculateSupplements")
class CalculateSupplementsDelegate implements JavaDelegate {

    private final TimesheetCalculations calculations;

    CalculateSupplementsDelegate(TimesheetCalculations calculations) {
        this.calculations = calculations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EmployeeFacts employee = EMPLOYEE.get(execution);
        Calculation calculation = calculations.calculate(
                LINES.require(execution),
                AGREEMENT.require(execution),
                null,
                employee == null ? null : employee.annualSalary(),
                employee == null ? null : new Employment(employee.hireDate(), employee.endDate()),
                LocalDate.parse(SUBMITTED_ON.require(execution)));
        CALCULATION.set(execution, calculation);
        AUTOMATIC.set(execution, calculation.warnings().isEmpty());
        CaseVariables.REASONS.set(execution, calculation.warnings());
        WARNINGS_TEXT.set(execution, TimesheetCalculations.danish(calculation.warnings()));
    }
}
