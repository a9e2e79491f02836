package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task completion refused by a rule of the process (four eyes, a missing comment). The message is
 * Danish: Tasklist shows it to the person who tried. The task stays open.
 */
public class FourEyesViolationException extends ProcessEngineException {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
