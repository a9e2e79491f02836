package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;

/**
 * "Forbered partshøring", after "Hent medarbejder i Opus" (Opus Løn's employee connector, whose result is
 * {@code medarbejder}): an employee Opus does not know ends the case REJECTED (UNKNOWN_EMPLOYEE). Otherwise the
 * employee's name, employee type, hire date and probation become the case's variables; the hearing deadline is
 * proposed (today plus {@code ksflow.dismissals.hearing-days}, 14 by default; the caseworker may change it) with the
 * hearing letter's text for the caseworker's check; and the union that gets a copy of the hearing is named (Opus holds
 * no union membership: it is configured, {@code ksflow.dismissals.union}).
 */
@Component("prepareHearing")
class PrepareHearingDelegate implements JavaDelegate {

    private final DismissalLetters letters;
    private final Clock clock;
    private final int hearingDays;
    private final String unionCvr;
    private final String unionName;

    PrepareHearingDelegate(DismissalLetters letters, Clock clock, @Value("${ksflow.dismissals.hearing-days}") int hearingDays,
                           @Value("${ksflow.dismissals.union.cvr}") String unionCvr,
                           @Value("${ksflow.dismissals.union.name}") String unionName) {
        this.letters = letters;
        this.clock = clock;
        this.hearingDays = hearingDays;
        this.unionCvr = unionCvr;
        this.unionName = unionName;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> employee = EMPLOYEE.require(execution);
        if (!Boolean.TRUE.equals(employee.get("found"))) {
            throw CaseOutcome.unknownEmployee(execution);
        }
        String name = (String) employee.get("name");
        EMPLOYEE_NAME.set(execution, name);
        EMPLOYEE_TYPE.set(execution, (String) employee.get("employeeType"));
        HIRE_DATE.set(execution, (String) employee.get("hireDate"));
        PROBATION.set(execution, Boolean.TRUE.equals(employee.get("probation")));
        LocalDate today = LocalDate.now(clock);
        LocalDate deadline = today.plusDays(hearingDays);
        HEARING_DEADLINE.set(execution, deadline.toString());
        HEARING_LETTER_PREVIEW.set(execution, letters.hearingLetterPreview(
                new DismissalLetters.HearingLetter(name, REASON_TEXT.require(execution), today, deadline)));
        UNION_CVR.set(execution, unionCvr);
        UNION_NAME.set(execution, unionName);
    }
}
