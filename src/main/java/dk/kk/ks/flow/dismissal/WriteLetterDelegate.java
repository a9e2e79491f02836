package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Skriv ...brev": writes the letter named by the task's input parameter {@code letter} (HEARING, DISMISSAL,
 * WITHDRAWAL) as a PDF dated today, from the case's variables (KS Flow's letter texts, DismissalLetters), and keeps
 * it in the letter's variable ({@link Letter#pdf}) for the eDoc and Digital Post steps that follow.
 */
@Component("writeDismissalLetter")
class WriteLetterDelegate implements JavaDelegate {

    private final DismissalLetters letters;
    private final Clock clock;

    WriteLetterDelegate(DismissalLetters letters, Clock clock) {
        this.letters = letters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Letter letter = Letter.valueOf(LETTER.require(execution));
        letter.pdf.set(execution.getProcessInstance(), render(letter, execution, LocalDate.now(clock)));
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
