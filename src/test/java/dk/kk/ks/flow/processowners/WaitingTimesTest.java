package dk.kk.ks.flow.processowners;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

/**
 * The waiting-time figures on a small known history, computed by the database (H2 here, PostgreSQL under -Ppostgres):
 * a process of two waiting steps whose cases pass them at known moments of the engine's clock.
 */
class WaitingTimesTest extends IntegrationTestCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WaitingTimes waitingTimes;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    private String deployment;

    @AfterEach
    void cleanUp() {
        TestClock.resetEngineClock();
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void passesMediansPercentilesAndWaitingCasesPerStep() {
        String key = "waiting-times-test-" + Long.toString(System.nanoTime(), 36);
        deployment = repositoryService.createDeployment().addString("wait.bpmn", twoSteps(key)).deploy().getId();
        LocalDate day = TestClock.today().minusDays(20);
        Instant morning = day.atTime(8, 0).atZone(TestClock.COPENHAGEN).toInstant();

        int[] minutesInA = {10, 20, 30, 40};
        int[] minutesInB = {60, 120};
        for (int i = 0; i < minutesInA.length; i++) {
            String caseId = start(key, morning);
            at(morning.plus(Duration.ofMinutes(minutesInA[i])));
            runtimeService.signal(caseId);
            if (i < minutesInB.length) {
                at(morning.plus(Duration.ofMinutes(minutesInA[i] + minutesInB[i])));
                runtimeService.signal(caseId);
            }
        }
        String later = start(key, morning.plus(Duration.ofDays(2)));   // passes A on another day, outside the period
        at(morning.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(5)));
        runtimeService.signal(later);
        start(key, morning);                                            // still in A
        TestClock.resetEngineClock();

        WaitingTimes.Report report = waitingTimes.compute("test", key, day, day.plusDays(1));

        Map<String, WaitingTimes.Step> steps = report.steps().stream()
                .collect(Collectors.toMap(WaitingTimes.Step::activityId, Function.identity()));
        assertThat(report.steps()).extracting(WaitingTimes.Step::activityId).containsExactlyInAnyOrder("Start", "Task_A", "Task_B", "End");
        WaitingTimes.Step a = steps.get("Task_A");
        assertThat(a.name()).isEqualTo("Vent på svar");
        assertThat(a.cases()).isEqualTo(4);
        assertThat(a.passes()).isEqualTo(4);
        assertThat(a.medianMinutes()).isEqualByComparingTo("20.0");
        assertThat(a.p90Minutes()).isEqualByComparingTo("40.0");
        assertThat(a.waitingNow()).isEqualTo(1);
        WaitingTimes.Step b = steps.get("Task_B");
        assertThat(b.cases()).isEqualTo(2);
        assertThat(b.medianMinutes()).isEqualByComparingTo("60.0");
        assertThat(b.p90Minutes()).isEqualByComparingTo("120.0");
        assertThat(b.waitingNow()).isEqualTo(3);
        assertThat(steps.get("End").cases()).isEqualTo(2);
        assertThat(steps.get("End").waitingNow()).isZero();

        WaitingTimes.Report nextDays = waitingTimes.compute("test", key, day.plusDays(1), day.plusDays(5));
        assertThat(nextDays.steps().stream().filter(s -> s.activityId().equals("Task_A")).findFirst().orElseThrow().cases()).isEqualTo(1);
    }

    @Test
    void processOwnersAndManagementReadTheFiguresOthersAreRefused() throws Exception {
        for (String user : List.of("procesejer", "chef")) {
            ResponseEntity<String> response = as(user).getForEntity("/api/v1/process-owners/waiting-times/invoice-payouts", String.class);
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            JsonNode report = JSON.readTree(response.getBody());
            assertThat(report.path("processKey").asText()).isEqualTo("invoice-payout");
            assertThat(report.path("steps").findValuesAsText("activityId")).contains("Task_Approve");

            ResponseEntity<String> page = as(user).getForEntity("/process-owners/waiting-times/invoice-payouts", String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("<html lang=\"da\"", "Hvor venter sagerne? Fakturaudbetalinger", "id=\"diagram-xml\"",
                    "/bpmn-js/bpmn-navigated-viewer.production.min.js").doesNotContain("<bpmn:");
        }
        for (String user : List.of("bo", "servicenow")) {
            assertProblem(as(user).getForEntity("/api/v1/process-owners/waiting-times/invoice-payouts", String.class), 403);
            assertThat(as(user).getForEntity("/process-owners/waiting-times/invoice-payouts", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertProblem(http.getForEntity("/api/v1/process-owners/waiting-times/invoice-payouts", String.class), 401);
        assertProblem(as("chef").getForEntity("/api/v1/process-owners/waiting-times/ukendt", String.class), 404);
        assertProblem(as("chef").getForEntity("/api/v1/process-owners/waiting-times/invoice-payouts?from=2027-02-01&to=2027-01-01",
                String.class), 400);
        assertThat(http.getForEntity("/bpmn-js/bpmn-navigated-viewer.production.min.js", String.class).getBody()).startsWith("/*! bpmn-js");
    }

    private String start(String key, Instant when) {
        at(when);
        return runtimeService.startProcessInstanceByKey(key).getId();
    }

    private static void at(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
    }

    private static String twoSteps(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="d" targetNamespace="http://ksflow.test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" name="Start"/>
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_A"/>
                    <bpmn:receiveTask id="Task_A" name="Vent på svar"/>
                    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="Task_B"/>
                    <bpmn:receiveTask id="Task_B" name="Vent på godkendelse"/>
                    <bpmn:sequenceFlow id="F3" sourceRef="Task_B" targetRef="End"/>
                    <bpmn:endEvent id="End" name="Slut"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key);
    }
}
