package dk.kk.ks.flow.cases;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * The outcome is set when the step ends (or the end event starts), and untouched when a boundary event cancelled the
 * step. Which outcome each case type's listener sets is asserted by its process and integration tests.
 */
class OutcomeListenerTest {

    private final OutcomeListener listener = new OutcomeListener(Outcome.REGISTERED) {
    };

    @Test
    void theStepsEndRecordsTheOutcome() {
        DelegateExecution execution = mock(DelegateExecution.class);
        listener.notify(execution);
        verify(execution).setVariable("outcome", "REGISTERED");
    }

    @Test
    void aCancelledStepLeavesTheOutcomeAlone() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.isCanceled()).thenReturn(true);
        listener.notify(execution);
        verify(execution, never()).setVariable(anyString(), any());
    }
}
