package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.notifications.TaskNotifications;

/**
 * On "Bestilling udløbet" (14 days without a decision): the approver the order was waiting for, if one was found or
 * appointed, and the requester are told by e-mail that the order expired, and the case ends EXPIRED.
 */
@Component("paymentCardExpiryNotice")
class PaymentCardExpiryListener implements ExecutionListener {

    private final TaskNotifications notifications;

    PaymentCardExpiryListener(TaskNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> told = new ArrayList<>();
        if (APPROVER.get(execution) != null) {
            told.add(APPROVER.get(execution));
        }
        told.add(REQUESTED_BY.get(execution));
        notifications.tellAboutCase(execution, TaskNotifications.CaseNotice.EXPIRED, told);
        CaseOutcome.set(execution, Outcome.EXPIRED);
    }
}
