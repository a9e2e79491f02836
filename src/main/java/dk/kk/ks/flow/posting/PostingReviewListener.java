package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.ApprovalFacts;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.FourEyes;

/**
 * On completing "Gennemgå postering": four eyes, enforced by the engine whatever the client. Nobody reviews
 * a posting they requested (the requester as recorded in {@link ApprovalFacts}), and a rejection needs a comment (and ends the case REJECTED_BY_REVIEWER).
 * A refusal leaves the task open. An approval is recorded in {@link ApprovalFacts}.
 */
@Component("postingReview")
class PostingReviewListener extends CompletionRules {

    private final ApprovalFacts facts;

    PostingReviewListener(ApprovalFacts facts) {
        this.facts = facts;
    }

    @Override
    protected void created(DelegateTask task) {
        FourEyes.startBlank(task, APPROVED, COMMENT);
    }

    @Override
    protected void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        FourEyes.notTheRequester(user, FourEyes.requester(facts, task), "Du kan ikke godkende en postering, som du selv har anmodet om.");
        if (FourEyes.decision(APPROVED.get(task), COMMENT.get(task))) {
            FourEyes.recordApproval(facts, task, user);
        } else {
            CaseOutcome.reject(task.getExecution(), Reason.REJECTED_BY_REVIEWER);
        }
        REVIEWED_BY.set(task.getExecution(), user);
    }
}
