package dk.kk.ks.flow.servicecontract;

import static dk.kk.ks.flow.servicecontract.ServiceContractRegulationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.FourEyes;

/**
 * "Gennemgå regulering": enforced by the engine whatever the client, the reviewer decides (a rejection
 * needs a comment), and who reviewed is recorded on the case. A refusal leaves the task open.
 */
@Component("regulationReview")
class RegulationReviewListener implements TaskListener {

    private final FourEyes fourEyes;

    RegulationReviewListener(FourEyes fourEyes) {
        this.fourEyes = fourEyes;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            FourEyes.startBlank(task, APPROVED, COMMENT);
            return;
        }
        String user = fourEyes.completingUser(task);
        FourEyes.decision(APPROVED.get(task), COMMENT.get(task));
        REVIEWED_BY.set(task.getExecution(), user);
    }
}
