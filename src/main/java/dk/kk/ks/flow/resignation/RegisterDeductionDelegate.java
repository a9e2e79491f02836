package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** "Registrer fradrag for ferie på forskud": a one-off deduction (negative amount) in the final pay. */
@Component("registerAdvanceHolidayDeduction")
class RegisterDeductionDelegate implements JavaDelegate {

    private final OpusLonPort opus;
    private final String wageType;

    RegisterDeductionDelegate(OpusLonPort opus, @Value("${ksflow.resignations.advance-holiday-wage-type}") String wageType) {
        this.opus = opus;
        this.wageType = wageType;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BigDecimal deduction = BigDecimal.valueOf(ADVANCE_HOLIDAY_DEDUCTION.require(execution)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal days = BigDecimal.valueOf(ADVANCE_HOLIDAY_DAYS.require(execution)).setScale(2, RoundingMode.HALF_UP);
        OpusLonPort.OneOffPaymentLine line = new OpusLonPort.OneOffPaymentLine(
                execution.getProcessInstanceId() + ":advance-holiday", wageType, LocalDate.parse(LAST_WORKING_DAY.require(execution)),
                days, deduction.negate());
        opus.registerOneOffPayment(new OpusLonPort.OneOffPayment(EMPLOYEE_NUMBER.require(execution), execution.getProcessBusinessKey(),
                List.of(line)), IdempotencyKeys.of(execution));
    }
}
