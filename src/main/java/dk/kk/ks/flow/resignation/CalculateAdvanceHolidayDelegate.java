package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;

/**
 * "Beregn ferie på forskud": from what "Hent medarbejder i Opus" found (employment, salary, type, department, holiday
 * taken, payment card), the holiday taken in advance (Ferieloven § 7) and the deduction, and the case's variables for
 * the triage. An employee Opus does not know is refused (CaseOutcome.unknownEmployee): the case ends REJECTED.
 */
@Component("calculateAdvanceHoliday")
class CalculateAdvanceHolidayDelegate implements JavaDelegate {

    private final AdvanceHolidayCalculator advanceHoliday;
    private final DeductionLines deductionLines;

    CalculateAdvanceHolidayDelegate(AdvanceHolidayCalculator advanceHoliday, DeductionLines deductionLines) {
        this.advanceHoliday = advanceHoliday;
        this.deductionLines = deductionLines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> employee = OPUS_EMPLOYEE.get(execution);
        if (employee == null || !Boolean.TRUE.equals(employee.get("found"))) {
            throw CaseOutcome.unknownEmployee(execution);
        }
        AdvanceHoliday advance = advanceHoliday.calculate(LocalDate.parse(text(employee, "hireDate")),
                LocalDate.parse(LAST_WORKING_DAY.require(execution)),
                decimal(employee, "holidayDaysTakenThisHolidayYear"), decimal(employee, "annualSalary"));
        EMPLOYEE_NAME.set(execution, (String) employee.get("name"));
        EMPLOYEE_TYPE.set(execution, text(employee, "employeeType"));
        DEPARTMENT.set(execution, (String) employee.get("department"));
        HAS_PAYMENT_CARD.set(execution, Boolean.TRUE.equals(employee.get("hasPaymentCard")));
        PAYMENT_CARD_CLOSED.set(execution, false);
        CARD_NOT_CLOSED.set(execution, false);
        ADVANCE_HOLIDAY_DAYS.set(execution, advance.advanceDays().doubleValue());
        deductionLines.set(execution, advance.deduction().doubleValue());
    }

    private static String text(Map<String, Object> employee, String field) {
        Object value = employee.get(field);
        if (value == null) {
            throw new IllegalStateException("Opus Løn gave no " + field + " for the employee");
        }
        return value.toString();
    }

    private static BigDecimal decimal(Map<String, Object> employee, String field) {
        return new BigDecimal(text(employee, field));
    }
}
