package dk.kk.ks.flow.servicecontract;

import static dk.kk.ks.flow.servicecontract.ServiceContractRegulationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.FourEyes;

/**
 * "Gennemgå regulering": enforced by the engine whatever the client, the reviewer decides (a rejection
 * needs a comment and ends the case REJECTED_BY_REVIEWER), and who reviewed is recorded on the case. A refusal leaves the task open.
 */
@Component("regulationReview")
class RegulationReviewListener extends CompletionRules {

    @Override
    protected void created(DelegateTask task) {
        FourEyes.startBlank(task, APPROVED, COMMENT);
    }

    @Override
    protected void completing(DelegateTask task) {
        String user = FourEyes.completingUser(task);
        if (!FourEyes.decision(APPROVED.get(task), COMMENT.get(task))) {
            CaseOutcome.reject(task.getExecution(), Reason.REJECTED_BY_REVIEWER);
        }
        REVIEWED_BY.set(task.getExecution(), user);
    }
}
