package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.CaseVariables;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;

/**
 * "Kontroller posteringen": the validations that apply (from the decision table), against Opus Økonomi's
 * master data. Every broken rule becomes a reason, and the case is refused ("Postering afvist"); none: the posting
 * is valid.
 */
@Component("checkPosting")
class CheckPostingDelegate implements JavaDelegate {

    static final String POSTING_INVALID = "POSTING_INVALID";

    private final OpusOekonomiPort opus;

    CheckPostingDelegate(OpusOekonomiPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<PostingValidator.Rule> broken = PostingValidator.validate(
                LocalDate.parse(POSTING_DATE.require(execution)),
                LINES.require(execution),
                new OpusMasterData(opus),
                PostingValidator.rules(VALIDATIONS.require(execution)));
        if (!broken.isEmpty()) {
            throw CaseOutcome.refusal(execution, POSTING_INVALID, broken.stream().map(Enum::name).toList());
        }
        CaseVariables.REASONS.set(execution, List.of());
    }
}
