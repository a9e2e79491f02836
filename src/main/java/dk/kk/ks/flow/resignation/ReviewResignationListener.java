package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseVariables;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.ValidationRefusal;

/**
 * "Behandl fratrædelse": when the task is created, the triage's reason becomes the case's reason for
 * manual review; on completion the deduction is confirmed, or corrected to a non-negative amount (and its line for
 * Opus with it).
 */
@Component("reviewResignation")
class ReviewResignationListener extends CompletionRules {

    private final DeductionLines deductionLines;

    ReviewResignationListener(DeductionLines deductionLines) {
        this.deductionLines = deductionLines;
    }

    @Override
    protected void created(DelegateTask task) {
        CaseVariables.REASONS.set(task.getExecution(), List.of(TRIAGE_REASON.require(task)));
    }

    @Override
    protected void completing(DelegateTask task) {
        String decision = DECISION.get(task);
        if ("CONFIRM".equals(decision)) {
            return;
        }
        if (!"CORRECT".equals(decision)) {
            throw new ValidationRefusal("Vælg: bekræft eller ret fradraget.");
        }
        Double corrected = CORRECTED_DEDUCTION.get(task);
        if (corrected == null || corrected < 0) {
            throw new ValidationRefusal("Det rettede fradrag skal være 0 kr. eller mere.");
        }
        deductionLines.set(task.getExecution(), BigDecimal.valueOf(corrected).setScale(2, RoundingMode.HALF_UP).doubleValue());
    }
}
