package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Hent medarbejder og beregn ferie på forskud": the employee from Opus (employment, salary, type,
 * department, holiday taken, payment card) and the holiday taken in advance (Ferieloven § 7).
 */
@Component("lookupLeaver")
class LookupLeaverDelegate implements JavaDelegate {

    private final OpusLonPort opus;
    private final AdvanceHolidayCalculator advanceHoliday;

    LookupLeaverDelegate(OpusLonPort opus, AdvanceHolidayCalculator advanceHoliday) {
        this.opus = opus;
        this.advanceHoliday = advanceHoliday;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpusLonPort.Employee employee = opus.employee(EMPLOYEE_NUMBER.require(execution))
                .orElseThrow(() -> CaseOutcome.unknownEmployee(execution));
        AdvanceHoliday advance = advanceHoliday.calculate(employee.hireDate(), LocalDate.parse(LAST_WORKING_DAY.require(execution)),
                employee.holidayDaysTakenThisHolidayYear(), employee.annualSalary());
        EMPLOYEE_NAME.set(execution, employee.name());
        EMPLOYEE_TYPE.set(execution, employee.employeeType().name());
        DEPARTMENT.set(execution, employee.department());
        HAS_PAYMENT_CARD.set(execution, employee.hasPaymentCard());
        PAYMENT_CARD_CLOSED.set(execution, false);
        CARD_NOT_CLOSED.set(execution, false);
        ADVANCE_HOLIDAY_DAYS.set(execution, advance.advanceDays().doubleValue());
        ADVANCE_HOLIDAY_DEDUCTION.set(execution, advance.deduction().doubleValue());
    }
}
