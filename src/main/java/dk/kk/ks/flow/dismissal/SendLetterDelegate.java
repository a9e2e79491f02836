package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Send ... med Digital Post": the journalised letter (input parameter {@code letter}) to the employee's
 * CPR number, read from Opus at sending time (the case keeps no CPR number).
 */
@Component("sendLetter")
class SendLetterDelegate implements JavaDelegate {

    private final DigitalPostPort digitalPost;
    private final OpusLonPort opus;

    SendLetterDelegate(DigitalPostPort digitalPost, OpusLonPort opus) {
        this.digitalPost = digitalPost;
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Letter letter = Letter.valueOf(LETTER.require(execution));
        OpusLonPort.Employee employee = opus.employee(EMPLOYEE_NUMBER.require(execution))
                .orElseThrow(() -> new IllegalStateException("Opus no longer knows employee " + EMPLOYEE_NUMBER.require(execution)));
        digitalPost.send(DigitalPostPort.Letter.toCitizen(employee.cpr(), employee.name(), letter.title, letter.legalNotification,
                EDOC_CASE_NUMBER.require(execution), letter.pdf.require(execution), letter.filename), IdempotencyKeys.of(execution));
    }
}
