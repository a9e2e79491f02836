package dk.kk.ks.flow.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

/**
 * The nightly reconciliation against the sandbox's ServiceNow and Opus Løn, over real HTTP with the job
 * executor running: of three resignations closed yesterday, two disagree with Opus (another date, no
 * termination at all), so two tasks for ks-loen; a mismatch closed two days ago is not looked at.
 */
class ResignationReconciliationIntegrationTest extends IntegrationTestCase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void twoMismatchesBecomeTwoTasksForPayroll() {
        LocalDate today = TestClock.today();
        String run = String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        String matching = "E7" + run;
        String otherDate = "E8" + run;
        String noTermination = "E9" + run;
        putSandboxData("/sandbox/opus/employees/" + matching, employee("2026-11-30"));
        putSandboxData("/sandbox/opus/employees/" + otherDate, employee("2026-12-31"));
        putSandboxData("/sandbox/opus/employees/" + noTermination, employee(null));
        String matchingRef = closedResignation(matching, "2026-11-30", today.minusDays(1));
        String otherDateRef = closedResignation(otherDate, "2026-11-30", today.minusDays(1));
        String noTerminationRef = closedResignation(noTermination, "2026-11-30", today.minusDays(1));
        closedResignation(noTermination, "2026-10-31", today.minusDays(2));

        ProcessInstance instance = runtimeService.createProcessInstanceByKey("robot-resignation-reconciliation")
                .startBeforeActivity("Task_QueryServiceNow").execute();

        List<Task> tasks = await().atMost(CASE_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(
                () -> taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("ks-loen").list(),
                found -> found.size() >= 2 && runtimeService.createExecutionQuery().processInstanceId(instance.getId())
                        .activityId("Task_ReadOpus").count() == 0);
        assertThat(tasks).extracting(task -> taskService.getVariable(task.getId(), "sagsnummer"))
                .containsExactlyInAnyOrder(otherDateRef, noTerminationRef).doesNotContain(matchingRef);
        Task other = tasks.stream().filter(task -> otherDateRef.equals(taskService.getVariable(task.getId(), "sagsnummer")))
                .findFirst().orElseThrow();
        assertThat(taskService.getVariables(other.getId())).containsEntry("medarbejdernummer", otherDate)
                .containsEntry("serviceNowDato", "2026-11-30").containsEntry("opusDato", "2026-12-31");
        assertThat(tasks).allSatisfy(task -> assertThat(task.getName()).isEqualTo("Afstem fratrædelse"));
    }

    private String closedResignation(String employeeNumber, String lastWorkingDay, LocalDate closedOn) {
        String number = newServiceNowRef("RITM");
        ResponseEntity<String> created = postJson("demo", "/sandbox/servicenow/api/now/table/sc_req_item", Map.of(
                "number", number, "u_category", "resignation", "state", "3", "u_employee_number", employeeNumber,
                "u_last_working_day", lastWorkingDay, "u_closed_on", closedOn.toString()));
        assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();
        return number;
    }

    private static Map<String, Object> employee(String endDate) {
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("name", "Afstemning Testesen");
        employee.put("cpr", "0101801234");
        employee.put("userId", "afstem");
        employee.put("hireDate", "2015-03-01");
        employee.put("endDate", endDate);
        employee.put("annualSalary", 400000.00);
        employee.put("department", "KS");
        employee.put("managerEmployeeNumber", "E20001");
        employee.put("employeeType", "OVERENSKOMST");
        return employee;
    }
}
