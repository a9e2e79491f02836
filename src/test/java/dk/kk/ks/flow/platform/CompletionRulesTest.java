package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The base of the completion listeners: a refusal is passed on, logged as one WARN line that nothing typed can split. */
@ExtendWith(OutputCaptureExtension.class)
class CompletionRulesTest {

    @Test
    void aRefusalIsLoggedOnceOnOneLineWithTheUserAndTheTaskAndPassedOn(CapturedOutput output) {
        // A reason may quote what was typed into the form, line breaks and all.
        ValidationRefusal refusal = new ValidationRefusal("Der findes ingen bruger med bruger-id 'x\n2026-01-01 ERROR forged line'.");
        DelegateTask task = task(TaskListener.EVENTNAME_COMPLETE, "bo");
        CompletionRules rules = new Recording(refusal);

        assertThatThrownBy(() -> rules.notify(task)).isSameAs(refusal);

        List<String> lines = output.getOut().lines().filter(line -> line.contains("bruger-id")).toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line).contains("WARN")
                .contains("Task completion refused: user bo, task task-1 (Task_Assign) of case case-1: "
                        + "Der findes ingen bruger med bruger-id 'x 2026-01-01 ERROR forged line'."));
        assertThat(output.getOut()).doesNotContain("\n2026-01-01 ERROR forged line");
    }

    @Test
    void creationPreparesTheTaskAndChecksNothing() {
        Recording rules = new Recording(null);

        rules.notify(task(TaskListener.EVENTNAME_CREATE, "bo"));

        assertThat(rules.calls).containsExactly("created");
    }

    @Test
    void withoutALoggedInUserTheAssigneeCompletes() {
        DelegateTask task = task(TaskListener.EVENTNAME_COMPLETE, null);
        when(task.getAssignee()).thenReturn("leder1");

        assertThat(FourEyes.completingUser(task)).isEqualTo("leder1");
        when(task.getAssignee()).thenReturn(null);
        assertThatThrownBy(() -> FourEyes.completingUser(task)).isInstanceOf(FourEyesRefusal.class);
    }

    @Test
    void theRefusalIsFoundWhereverTheEngineAndTheRestApiWrappedIt() {
        FourEyesRefusal refusal = new FourEyesRefusal("Du kan ikke godkende en udbetaling, som du selv har anmodet om.");
        RestException wrapped = new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03051", new ProcessEngineException("Exception while invoking TaskListener", refusal)),
                "Cannot submit task form");

        assertThat(TaskRefusal.in(wrapped)).isSameAs(refusal);
        assertThat(TaskRefusal.in(new ProcessEngineException("ENGINE-03051", new IllegalStateException("a bug")))).isNull();
    }

    @Test
    void aCycleOfCausesEndsTheSearch() {
        ProcessEngineException first = new ProcessEngineException("first");
        ProcessEngineException second = new ProcessEngineException("second", first);
        first.initCause(second);

        assertThat(TaskRefusal.in(first)).isNull();
    }

    private static DelegateTask task(String event, String loggedInUser) {
        DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
        when(task.getEventName()).thenReturn(event);
        when(task.getId()).thenReturn("task-1");
        when(task.getTaskDefinitionKey()).thenReturn("Task_Assign");
        when(task.getProcessInstanceId()).thenReturn("case-1");
        when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(loggedInUser == null ? null : new Authentication(loggedInUser, List.of()));
        return task;
    }

    private static final class Recording extends CompletionRules {
        private final TaskRefusal refusal;
        private final List<String> calls = new ArrayList<>();

        Recording(TaskRefusal refusal) {
            this.refusal = refusal;
        }

        @Override
        protected void created(DelegateTask task) {
            calls.add("created");
        }

        @Override
        protected void completing(DelegateTask task) {
            calls.add("completing");
            throw refusal;
        }
    }
}
