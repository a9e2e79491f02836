package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.intake.CaseVariables;
import dk.kk.ks.flow.platform.FourEyesViolationException;

/**
 * On completing "Kontroller timeseddel": checks the caseworker's decision. A correction changes hours
 * per line; the amounts of changed lines are recomputed from the hours (hours x wage x rate, rounded
 * to øre) and the calculation follows. A rejection needs a comment and ends the case REJECTED.
 */
@Component("reviewTimesheet")
class ReviewTimesheetListener implements TaskListener {

    static final BigDecimal MAX_HOURS_PER_LINE = new BigDecimal("24.00");

    @Override
    public void notify(DelegateTask task) {
        String decision = DECISION.get(task);
        if (decision == null) {
            throw new FourEyesViolationException("Vælg godkend, ret eller afvis.");
        }
        switch (decision) {
            case "APPROVE" -> SUPPLEMENT_LINES.set(task.getExecution(), calculated(task));
            case "CORRECT" -> applyCorrections(task);
            case "REJECT" -> reject(task);
            default -> throw new FourEyesViolationException("Ukendt afgørelse: " + decision);
        }
    }

    /** Approval keys the calculation as calculated, whatever the form sent back. */
    private static List<SupplementLine> calculated(DelegateTask task) {
        return CALCULATION.require(task).lines().stream()
                .map(line -> new SupplementLine(line.date(), line.category(), line.hours(), line.rate(), line.amount(), line.hours()))
                .toList();
    }

    private static void applyCorrections(DelegateTask task) {
        Calculation calculation = CALCULATION.require(task);
        List<SupplementLine> submitted = SUPPLEMENT_LINES.require(task);
        List<CalculationLine> original = calculation.lines();
        if (submitted.size() != original.size()) {
            throw new FourEyesViolationException("Linjerne kan rettes, men ikke tilføjes eller fjernes.");
        }
        List<SupplementLine> corrected = new ArrayList<>();
        List<CalculationLine> correctedCalculation = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            CalculationLine line = original.get(i);
            BigDecimal hours = submitted.get(i).hours();
            if (hours == null || hours.signum() < 0 || hours.compareTo(MAX_HOURS_PER_LINE) > 0) {
                throw new FourEyesViolationException("Timer skal være mellem 0 og 24 (linje " + (i + 1) + ").");
            }
            hours = hours.setScale(2, RoundingMode.HALF_UP);
            BigDecimal amount = hours.compareTo(line.hours()) == 0 ? line.amount()
                    : hours.multiply(calculation.hourlyWage()).multiply(line.rate()).setScale(2, RoundingMode.HALF_UP);
            corrected.add(new SupplementLine(line.date(), line.category(), hours, line.rate(), amount, line.hours()));
            correctedCalculation.add(new CalculationLine(line.date(), line.category(), hours, line.rate(), amount));
        }
        SUPPLEMENT_LINES.set(task.getExecution(), corrected);
        CALCULATION.set(task.getExecution(), Calculation.of(calculation.hourlyWage(), correctedCalculation, calculation.warnings()));
    }

    private static void reject(DelegateTask task) {
        String comment = COMMENT.get(task);
        if (comment == null || comment.isBlank()) {
            throw new FourEyesViolationException("Skriv en begrundelse for afvisningen.");
        }
        List<String> reasons = new ArrayList<>(CALCULATION.require(task).warnings());
        reasons.add("REJECTED_BY_CASEWORKER");
        CaseVariables.OUTCOME.set(task.getExecution(), "REJECTED");
        CaseVariables.REASONS.set(task.getExecution(), reasons);
    }
}
