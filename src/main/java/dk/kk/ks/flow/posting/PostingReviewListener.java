package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.FourEyes;

/**
 * On completing "Gennemgå postering": four eyes, enforced by the engine whatever the client. Nobody reviews
 * a posting they requested, and a rejection needs a comment. A refusal leaves the task open.
 */
@Component("postingReview")
class PostingReviewListener extends CompletionRules {

    @Override
    protected void created(DelegateTask task) {
        FourEyes.startBlank(task, APPROVED, COMMENT);
    }

    @Override
    protected void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        FourEyes.notTheRequester(user, REQUESTED_BY.get(task), "Du kan ikke godkende en postering, som du selv har anmodet om.");
        FourEyes.decision(APPROVED.get(task), COMMENT.get(task));
        REVIEWED_BY.set(task.getExecution(), user);
    }
}
