package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.FourEyes;

/**
 * On completing "Gennemgå postering": four eyes, enforced by the engine whatever the client. Nobody reviews
 * a posting they requested, and a rejection needs a comment. A refusal leaves the task open.
 */
@Component("postingReview")
class PostingReviewListener implements TaskListener {

    private final FourEyes fourEyes;

    PostingReviewListener(FourEyes fourEyes) {
        this.fourEyes = fourEyes;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            FourEyes.startBlank(task, APPROVED, COMMENT);
            return;
        }
        String user = fourEyes.completingUser(task);
        FourEyes.notTheRequester(user, REQUESTED_BY.get(task), "Du kan ikke godkende en postering, som du selv har anmodet om.");
        FourEyes.decision(APPROVED.get(task), COMMENT.get(task));
        REVIEWED_BY.set(task.getExecution(), user);
    }
}
