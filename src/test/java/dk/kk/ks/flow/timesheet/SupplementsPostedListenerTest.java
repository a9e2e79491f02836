package dk.kk.ks.flow.timesheet;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The outcome is POSTED when the Opus step ends, and untouched when a boundary event cancelled the step. */
class SupplementsPostedListenerTest {

    private final SupplementsPostedListener listener = new SupplementsPostedListener();

    @Test
    void theStepsEndRecordsTheOutcome() {
        DelegateExecution execution = mock(DelegateExecution.class);
        listener.notify(execution);
        verify(execution).setVariable("outcome", "POSTED");
    }

    @Test
    void aCancelledStepLeavesTheOutcomeAlone() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.isCanceled()).thenReturn(true);
        listener.notify(execution);
        verify(execution, never()).setVariable(anyString(), any());
    }
}
