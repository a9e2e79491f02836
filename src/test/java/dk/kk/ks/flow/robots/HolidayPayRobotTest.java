package dk.kk.ks.flow.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.support.ProcessTestCase;

/** The external-task contract with the worked desktop robot: complete, BPMN error, and failure into an incident. */
class HolidayPayRobotTest extends ProcessTestCase {

    private String deploymentId;
    private final List<String> screenCalls = new ArrayList<>();
    private boolean screenDown;
    private RobotRunner runner;
    private final HolidayPayRobot robot = new HolidayPayRobot((employeeNumber, amount) -> {
        if (screenDown) {
            throw new IllegalStateException("the desktop application did not answer");
        }
        screenCalls.add(employeeNumber + ":" + amount);
        return "E404".equals(employeeNumber) ? Optional.empty() : Optional.of("FA-" + employeeNumber);
    });

    @BeforeEach
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("robot_example").camundaHistoryTimeToLive(1)
                .startEvent("Start").serviceTask("Task_Robot").camundaExternalTask(HolidayPayRobot.TOPIC)
                .boundaryEvent("Refused").errorEventDefinition().errorCodeVariable("refusal").errorEventDefinitionDone()
                .userTask("Task_Manual").endEvent("End_Manual")
                .moveToActivity("Task_Robot").userTask("Task_Done").endEvent("End").done();
        deploymentId = processEngine.getRepositoryService().createDeployment().addModelInstance("robot.bpmn", model).deploy().getId();
        runner = new RobotRunner(processEngine.getExternalTaskService(), "robot-test", Duration.ofMinutes(5), Duration.ZERO);
    }

    @AfterEach
    void undeploy() {
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void theRobotCompletesTheTaskWithItsOutput() {
        ProcessInstance instance = start("E100");
        assertThat(runner.runOnce(robot, 10)).isEqualTo(1);
        assertThat(screenCalls).containsExactly("E100:1234.50");
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "settlementId")).isEqualTo("FA-E100");
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_Done");
    }

    @Test
    void aRefusalIsABpmnErrorWithTheCode() {
        ProcessInstance instance = start("E404");
        runner.runOnce(robot, 10);
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "refusal")).isEqualTo("UNKNOWN_EMPLOYEE");
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_Manual");
    }

    @Test
    void aFailureIsRetriedAndThenAnIncident() {
        ProcessInstance instance = start("E100");
        screenDown = true;
        for (int attempt = 0; attempt < RobotRunner.DEFAULT_RETRIES; attempt++) {
            assertThat(runner.runOnce(robot, 10)).isEqualTo(1);
        }
        assertThat(runner.runOnce(robot, 10)).isZero();
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getIncidentMessage()).contains("did not answer");

        screenDown = false; // the operator fixes the desktop and sets the retries in Cockpit
        String taskId = processEngine.getExternalTaskService().createExternalTaskQuery().processInstanceId(instance.getId())
                .singleResult().getId();
        processEngine.getExternalTaskService().setRetries(taskId, 1);
        assertThat(runner.runOnce(robot, 10)).isEqualTo(1);
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "settlementId")).isEqualTo("FA-E100");
    }

    private ProcessInstance start(String employeeNumber) {
        return processEngine.getRuntimeService().startProcessInstanceByKey("robot_example",
                Map.of("employeeNumber", employeeNumber, "amount", new BigDecimal("1234.50").toPlainString()));
    }
}
