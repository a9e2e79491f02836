package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.ApprovalFacts;
import dk.kk.ks.flow.platform.ApprovalListener;
import dk.kk.ks.flow.platform.FourEyes;

/**
 * On completing "Gennemgå postering": four eyes, enforced by the engine whatever the client. Nobody reviews
 * a posting they requested (the requester as recorded in {@link ApprovalFacts}), and a rejection needs a comment (and ends the case REJECTED_BY_REVIEWER).
 * A refusal leaves the task open. An approval is recorded in {@link ApprovalFacts}.
 */
@Component("postingReview")
class PostingReviewListener extends ApprovalListener {

    private final ApprovalFacts facts;

    PostingReviewListener(ApprovalFacts facts) {
        super(APPROVED, COMMENT);
        this.facts = facts;
    }

    @Override
    protected void mayDecide(DelegateTask task, String user) {
        FourEyes.notTheRequester(user, FourEyes.requester(facts, task), "Du kan ikke godkende en postering, som du selv har anmodet om.");
    }

    @Override
    protected void decided(DelegateTask task, String user, boolean approved) {
        if (approved) {
            FourEyes.recordApproval(facts, task, user);
        } else {
            CaseOutcome.reject(task.getExecution(), Reason.REJECTED_BY_REVIEWER);
        }
        REVIEWED_BY.set(task.getExecution(), user);
    }
}
