package dk.kk.ks.flow.servicecontract;

import static dk.kk.ks.flow.servicecontract.ServiceContractRegulationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.ApprovalListener;

/**
 * "Gennemgå regulering": enforced by the engine whatever the client, the reviewer decides (a rejection
 * needs a comment and ends the case REJECTED_BY_REVIEWER), and who reviewed is recorded on the case. A refusal leaves the task open.
 */
@Component("regulationReview")
class RegulationReviewListener extends ApprovalListener {

    RegulationReviewListener() {
        super(APPROVED, COMMENT);
    }

    @Override
    protected void decided(DelegateTask task, String user, boolean approved) {
        if (!approved) {
            CaseOutcome.reject(task.getExecution(), Reason.REJECTED_BY_REVIEWER);
        }
        REVIEWED_BY.set(task.getExecution(), user);
    }
}
