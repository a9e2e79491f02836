package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Indberet tillæg i Opus Løn": one one-off payment line per wage type and date (Webservice –
 * Engangsydelser). Each line's key is the case, the date and the category, so Opus registers it once.
 */
@Component("postSupplements")
class PostSupplementsDelegate implements JavaDelegate {

    private final OpusLonPort opus;
    private final WageTypes wageTypes;

    PostSupplementsDelegate(OpusLonPort opus, WageTypes wageTypes) {
        this.opus = opus;
        this.wageTypes = wageTypes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<OpusLonPort.OneOffPaymentLine> payment = CALCULATION.require(execution).lines().stream()
                .filter(line -> line.amount().signum() != 0)
                .map(line -> new OpusLonPort.OneOffPaymentLine(
                        execution.getProcessInstanceId() + ":" + line.date() + ":" + line.category(),
                        wageTypes.of(line.category()), line.date(), line.hours(), line.amount()))
                .toList();
        if (!payment.isEmpty()) {
            opus.registerOneOffPayment(new OpusLonPort.OneOffPayment(EMPLOYEE_NUMBER.require(execution),
                    execution.getProcessBusinessKey(), payment), IdempotencyKeys.of(execution));
        }
        CaseOutcome.set(execution, Outcome.POSTED);
    }
}
