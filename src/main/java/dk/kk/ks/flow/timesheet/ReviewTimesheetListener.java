package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.ValidationRefusal;

/**
 * On completing "Kontroller timeseddel": checks and applies the caseworker's decision. A correction
 * sets the hours of a date and category; that line's amount is recomputed from the hours (hours x
 * wage x rate, rounded to øre), the others stay as calculated, and the payment lines for Opus follow.
 * A rejection needs a comment and ends the case REJECTED.
 */
@Component("reviewTimesheet")
class ReviewTimesheetListener extends CompletionRules {

    static final BigDecimal MAX_HOURS_PER_LINE = new BigDecimal("24.00");

    private final PaymentLines paymentLines;

    ReviewTimesheetListener(PaymentLines paymentLines) {
        this.paymentLines = paymentLines;
    }

    @Override
    protected void completing(DelegateTask task) {
        String decision = DECISION.get(task);
        if (decision == null) {
            throw new ValidationRefusal("Vælg godkend, ret eller afvis.");
        }
        switch (decision) {
            case "APPROVE" -> { }
            case "CORRECT" -> paymentLines.set(task.getExecution(), corrected(CALCULATION.require(task), parse(CORRECTIONS.get(task))));
            case "REJECT" -> reject(task);
            default -> throw new ValidationRefusal("Vælg godkend, ret eller afvis.");
        }
    }

    private static List<Corrections.Correction> parse(String text) {
        try {
            return Corrections.parse(text);
        } catch (IllegalArgumentException unreadable) {
            throw new ValidationRefusal(unreadable.getMessage());
        }
    }

    static Calculation corrected(Calculation calculation, List<Corrections.Correction> corrections) {
        if (corrections == null || corrections.isEmpty()) {
            throw new ValidationRefusal("Angiv mindst én rettelse (dato, kategori og timer).");
        }
        List<CalculationLine> lines = new ArrayList<>(calculation.lines());
        for (Corrections.Correction correction : corrections) {
            if (correction.hours() == null || correction.hours().signum() < 0 || correction.hours().compareTo(MAX_HOURS_PER_LINE) > 0) {
                throw new ValidationRefusal("Timer skal være mellem 0 og 24.");
            }
            int index = indexOf(lines, correction);
            CalculationLine line = lines.get(index);
            BigDecimal hours = correction.hours().setScale(2, RoundingMode.HALF_UP);
            BigDecimal amount = hours.multiply(calculation.hourlyWage()).multiply(line.rate()).setScale(2, RoundingMode.HALF_UP);
            lines.set(index, new CalculationLine(line.date(), line.category(), hours, line.rate(), amount));
        }
        return Calculation.of(calculation.hourlyWage(), lines, calculation.warnings());
    }

    private static int indexOf(List<CalculationLine> lines, Corrections.Correction correction) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).date().equals(correction.date()) && lines.get(i).category() == correction.category()) {
                return i;
            }
        }
        throw new ValidationRefusal("Beregningen har ingen linje for " + correction.date() + " " + correction.category()
                + ": kun beregnede linjer kan rettes.");
    }

    private static void reject(DelegateTask task) {
        String comment = COMMENT.get(task);
        if (comment == null || comment.isBlank()) {
            throw new ValidationRefusal("Skriv en begrundelse for afvisningen.");
        }
        // The reasons so far are the calculation's warnings (why the timesheet was reviewed).
        CaseOutcome.reject(task.getExecution(), Reason.REJECTED_BY_CASEWORKER);
    }
}
