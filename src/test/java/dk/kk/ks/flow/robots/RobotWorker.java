package dk.kk.ks.flow.robots;

import java.util.List;
import java.util.Map;

/**
 * The contract a robot worker follows, for work that must still drive a desktop application until its
 * system offers an API. The diagram has a service task {@code camunda:type="external"} with the topic
 * {@code robot-<name>}, one topic per robot. The worker (RobotRunner in-process, or a desktop robot through
 * {@code POST /engine-rest/external-task/fetchAndLock}) fetches and locks tasks of its topic with the
 * variables it names, does the work, and then either
 * <ul>
 * <li>completes the task with its output variables,</li>
 * <li>reports a business refusal as a BPMN error with a code (RobotRefusal), which the diagram may catch, or</li>
 * <li>reports a technical failure with the remaining retries and a retry timeout; at 0 retries Cockpit shows an incident.</li>
 * </ul>
 * The work must be safe to repeat: a lock that runs out hands the task to another worker.
 */
public interface RobotWorker {

    /** The topic, "robot-" and the robot's name. */
    String topic();

    /** The process variables the robot reads. */
    List<String> variables();

    /** Does the work; returns the output variables. A RobotRefusal is a business outcome, anything else a failure. */
    Map<String, Object> work(Map<String, Object> variables);

    /** The system refused the work for a business reason, with a machine-readable code; becomes a BPMN error. */
    class RobotRefusal extends RuntimeException {

        private final String code;

        public RobotRefusal(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
