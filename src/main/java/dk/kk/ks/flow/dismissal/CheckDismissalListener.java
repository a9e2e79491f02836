package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.ValidationRefusal;

/** On completing "Kontroller afskedigelse": the hearing deadline is a date after today; the timer waits until its end in Copenhagen. */
@Component("checkDismissal")
class CheckDismissalListener extends CompletionRules {

    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private final Clock clock;

    CheckDismissalListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void completing(DelegateTask task) {
        LocalDate deadline;
        try {
            deadline = LocalDate.parse(HEARING_DEADLINE.require(task));
        } catch (DateTimeParseException | IllegalStateException e) {
            throw new ValidationRefusal("Angiv en høringsfrist (åååå-mm-dd).");
        }
        if (!deadline.isAfter(LocalDate.now(clock))) {
            throw new ValidationRefusal("Høringsfristen skal ligge efter i dag.");
        }
        HEARING_DEADLINE.set(task.getExecution(), deadline.toString());
        // With the offset: the engine would read a bare date-time in the server's time zone.
        HEARING_DEADLINE_ENDS.set(task.getExecution(),
                deadline.atTime(LAST_SECOND).atZone(clock.getZone()).toOffsetDateTime().toString());
    }
}
