package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.edoc.EdocPort;

/**
 * "Journalisér ...brev": renders the letter named by the task's input parameter {@code letter}
 * (HEARING, DISMISSAL, WITHDRAWAL) to PDF and journalises it on the case in eDoc.
 */
@Component("journaliseLetter")
class JournaliseLetterDelegate implements JavaDelegate {

    private final DismissalLetters letters;
    private final EdocPort edoc;
    private final Clock clock;

    JournaliseLetterDelegate(DismissalLetters letters, EdocPort edoc, Clock clock) {
        this.letters = letters;
        this.edoc = edoc;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Letter letter = Letter.valueOf(LETTER.require(execution));
        byte[] pdf = render(letter, execution, LocalDate.now(clock));
        edoc.journalise(EDOC_CASE_NUMBER.require(execution), new EdocPort.NewDocument(letter.title, letter.documentType, letter.filename, pdf),
                IdempotencyKeys.of(execution));
        letter.pdf.set(execution.getProcessInstance(), pdf);
    }

    private byte[] render(Letter letter, DelegateExecution execution, LocalDate today) {
        String name = EMPLOYEE_NAME.require(execution);
        return switch (letter) {
            case HEARING -> letters.hearingLetter(new DismissalLetters.HearingLetter(name, REASON_TEXT.require(execution), today,
                    LocalDate.parse(HEARING_DEADLINE.require(execution))));
            case DISMISSAL -> letters.dismissalLetter(new DismissalLetters.DismissalLetter(name, REASON_TEXT.require(execution), today,
                    NOTICE_MONTHS.require(execution), NOTICE_DAYS.require(execution), LocalDate.parse(TERMINATION_DATE.require(execution)),
                    SEVERANCE_MONTHS.require(execution)));
            case WITHDRAWAL -> letters.withdrawalLetter(new DismissalLetters.WithdrawalLetter(name, today, JUSTIFICATION.require(execution)));
        };
    }
}
