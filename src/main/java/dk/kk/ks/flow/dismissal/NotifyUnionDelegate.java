package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;

/**
 * "Underret faglig organisation": a copy of the hearing letter to the union by Digital Post (CVR), at the
 * same time as the hearing. Opus holds no union membership: the union is configured
 * ({@code ksflow.dismissals.union}); a real connector would look the employee's union up.
 */
@Component("notifyUnion")
class NotifyUnionDelegate implements JavaDelegate {

    private final DigitalPostPort digitalPost;
    private final String unionCvr;
    private final String unionName;

    NotifyUnionDelegate(DigitalPostPort digitalPost, @Value("${ksflow.dismissals.union.cvr}") String unionCvr,
                        @Value("${ksflow.dismissals.union.name}") String unionName) {
        this.digitalPost = digitalPost;
        this.unionCvr = unionCvr;
        this.unionName = unionName;
    }

    @Override
    public void execute(DelegateExecution execution) {
        digitalPost.send(DigitalPostPort.Letter.toCompany(unionCvr, unionName, "Orientering: " + Letter.HEARING.title,
                EDOC_CASE_NUMBER.require(execution), Letter.HEARING.pdf.require(execution), Letter.HEARING.filename),
                IdempotencyKeys.of(execution));
    }
}
