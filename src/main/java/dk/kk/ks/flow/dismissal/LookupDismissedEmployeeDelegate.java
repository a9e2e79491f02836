package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Hent medarbejder i Opus": employment and employee type; proposes the hearing deadline (today plus
 * {@code ksflow.dismissals.hearing-days}, 14 by default), which the caseworker may change.
 */
@Component("lookupDismissedEmployee")
class LookupDismissedEmployeeDelegate implements JavaDelegate {

    private final OpusLonPort opus;
    private final DismissalLetters letters;
    private final Clock clock;
    private final int hearingDays;

    LookupDismissedEmployeeDelegate(OpusLonPort opus, DismissalLetters letters, Clock clock,
                                    @Value("${ksflow.dismissals.hearing-days}") int hearingDays) {
        this.opus = opus;
        this.letters = letters;
        this.clock = clock;
        this.hearingDays = hearingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpusLonPort.Employee employee = opus.employee(EMPLOYEE_NUMBER.require(execution))
                .orElseThrow(() -> CaseOutcome.unknownEmployee(execution));
        EMPLOYEE_NAME.set(execution, employee.name());
        EMPLOYEE_TYPE.set(execution, employee.employeeType().name());
        HIRE_DATE.set(execution, employee.hireDate().toString());
        PROBATION.set(execution, employee.probation());
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = today.plusDays(hearingDays);
        HEARING_DEADLINE.set(execution, deadline.toString());
        HEARING_LETTER_PREVIEW.set(execution, letters.hearingLetterPreview(
                new DismissalLetters.HearingLetter(employee.name(), REASON_TEXT.require(execution), today, deadline)));
    }
}
