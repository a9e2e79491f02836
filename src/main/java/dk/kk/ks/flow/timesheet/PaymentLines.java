package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.CALCULATION;
import static dk.kk.ks.flow.timesheet.TimesheetVariables.PAYMENT_LINES;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * The supplements as Opus's one-off payment lines: one line per date and category with an amount, paid as the category's
 * wage type (lønart). A line's key is the case, the date and the category, so Opus registers it once. Set with the
 * calculation, so the lines keyed into Opus are always those of the calculation as last calculated or corrected.
 */
@Component
class PaymentLines {

    private final WageTypes wageTypes;

    PaymentLines(WageTypes wageTypes) {
        this.wageTypes = wageTypes;
    }

    /** Sets the calculation and, from it, the payment lines. */
    void set(DelegateExecution execution, Calculation calculation) {
        CALCULATION.set(execution, calculation);
        PAYMENT_LINES.set(execution, of(execution.getProcessInstanceId(), calculation));
    }

    List<OpusLonPort.OneOffPaymentLine> of(String caseId, Calculation calculation) {
        return calculation.lines().stream()
                .filter(line -> line.amount().signum() != 0)
                .map(line -> new OpusLonPort.OneOffPaymentLine(caseId + ":" + line.date() + ":" + line.category(),
                        wageTypes.of(line.category()), line.date(), line.hours(), line.amount()))
                .toList();
    }
}
