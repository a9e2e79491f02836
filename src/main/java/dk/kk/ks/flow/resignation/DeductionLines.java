package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * The deduction for holiday taken in advance as Opus's one-off payment line: the advance days as hours, the deduction
 * as a negative amount, on the last working day, paid as the configured wage type. Its key is the case, so Opus
 * registers it once. Set with the deduction, so the line keyed into Opus is the deduction as calculated or corrected.
 */
@Component
class DeductionLines {

    private final String wageType;

    DeductionLines(@Value("${ksflow.resignations.advance-holiday-wage-type}") String wageType) {
        this.wageType = wageType;
    }

    /** Sets the deduction (kroner, 2 decimals) and, from it and the advance days, the payment line. */
    void set(DelegateExecution execution, double deduction) {
        ADVANCE_HOLIDAY_DEDUCTION.set(execution, deduction);
        BigDecimal amount = BigDecimal.valueOf(deduction).setScale(2, RoundingMode.HALF_UP);
        BigDecimal days = BigDecimal.valueOf(ADVANCE_HOLIDAY_DAYS.require(execution)).setScale(2, RoundingMode.HALF_UP);
        DEDUCTION_LINES.set(execution, List.of(new OpusLonPort.OneOffPaymentLine(execution.getProcessInstanceId() + ":advance-holiday",
                wageType, LocalDate.parse(LAST_WORKING_DAY.require(execution)), days, amount.negate())));
    }
}
