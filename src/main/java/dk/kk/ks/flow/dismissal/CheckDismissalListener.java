package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.CompletionRules;
import dk.kk.ks.flow.platform.DanishTexts;
import dk.kk.ks.flow.platform.FormTexts;
import dk.kk.ks.flow.platform.ValidationRefusal;

/**
 * On completing "Kontroller afskedigelse": the hearing deadline ({@code dd-mm-åååå} as the form shows it, or an ISO date
 * from an API client) is a date after today; the process keeps it as an ISO date, and the timer waits until its end in
 * Copenhagen.
 */
@Component("checkDismissal")
class CheckDismissalListener extends CompletionRules {

    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private final Clock clock;

    CheckDismissalListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void completing(DelegateTask task) {
        LocalDate deadline = date(FormTexts.editedValue(task, HEARING_DEADLINE.name()));
        if (deadline == null) {
            throw new ValidationRefusal("Angiv en høringsfrist som dd-mm-åååå.");
        }
        if (!deadline.isAfter(LocalDate.now(clock))) {
            throw new ValidationRefusal("Høringsfristen skal ligge efter i dag.");
        }
        HEARING_DEADLINE.set(task.getExecution(), deadline.toString());
        // With the offset: the engine would read a bare date-time in the server's time zone.
        HEARING_DEADLINE_ENDS.set(task.getExecution(),
                deadline.atTime(LAST_SECOND).atZone(clock.getZone()).toOffsetDateTime().toString());
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : DanishTexts.parseDate(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
