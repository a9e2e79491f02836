package dk.kk.ks.flow.robots;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The worked example of a desktop robot: registers a leaver's holiday pay settlement (feriepengeafregning)
 * in a desktop screen that has no API. Topic {@code robot-feriepengeafregning}; reads employeeNumber and
 * amount; writes settlementId. The screen's refusal of an unknown employee is the BPMN error
 * UNKNOWN_EMPLOYEE. The screen registers an employee's settlement once, so a repeated run is harmless.
 */
public class HolidayPayRobot implements RobotWorker {

    public static final String TOPIC = "robot-feriepengeafregning";

    /** The desktop application, as the robot drives it (screen automation in the real robot). */
    public interface HolidayPayScreen {

        /** Registers the settlement; returns its id, or empty when the screen does not know the employee. */
        java.util.Optional<String> register(String employeeNumber, BigDecimal amount);
    }

    private final HolidayPayScreen screen;

    public HolidayPayRobot(HolidayPayScreen screen) {
        this.screen = screen;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public List<String> variables() {
        return List.of("employeeNumber", "amount");
    }

    @Override
    public Map<String, Object> work(Map<String, Object> variables) {
        String employeeNumber = String.valueOf(variables.get("employeeNumber"));
        BigDecimal amount = new BigDecimal(String.valueOf(variables.get("amount")));
        String settlementId = screen.register(employeeNumber, amount)
                .orElseThrow(() -> new RobotRefusal("UNKNOWN_EMPLOYEE", "The screen does not know the employee"));
        return Map.of("settlementId", settlementId);
    }
}
