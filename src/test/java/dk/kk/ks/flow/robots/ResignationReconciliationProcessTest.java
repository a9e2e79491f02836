package dk.kk.ks.flow.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import camundajar.impl.com.cronutils.model.CronType;
import camundajar.impl.com.cronutils.model.definition.CronDefinitionBuilder;
import camundajar.impl.com.cronutils.model.time.ExecutionTime;
import camundajar.impl.com.cronutils.parser.CronParser;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.support.ProcessTestCase;
import dk.kk.ks.flow.support.TestClock;

/** The nightly reconciliation diagram with the ports mocked: one task per mismatch, none for a match, none when nothing closed. */
class ResignationReconciliationProcessTest extends ProcessTestCase {

    static final String PROCESS = "robot-resignation-reconciliation";

    @Test
    void theTimerRunsEveryNightAtThree() {
        Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey(PROCESS).timers().singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(3);
    }

    /**
     * Production runs in Copenhagen time (docker/Dockerfile), and the engine reads a cron expression in the JVM's zone:
     * evaluated as the engine does (its CronTimer: cron-utils, Spring 5.3 syntax) in Copenhagen, the timer runs exactly
     * once each night of two years, also when the clocks go forward (02:00-03:00 does not exist) and back (it comes twice).
     */
    @Test
    void theTimerRunsOnceEveryNightInCopenhagenAlsoWhenTheClocksChange() {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .latestVersion().singleResult().getId();
        TimerEventDefinition nightly = processEngine.getRepositoryService().getBpmnModelInstance(definitionId).getModelElementById("Timer_Nightly");
        ExecutionTime timer = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53))
                .parse(nightly.getTimeCycle().getTextContent()));

        ZonedDateTime previous = LocalDate.of(2027, 1, 1).atStartOfDay(TestClock.COPENHAGEN);
        for (LocalDate night = LocalDate.of(2027, 1, 1); night.getYear() < 2029; night = night.plusDays(1)) {
            ZonedDateTime run = timer.nextExecution(previous).orElseThrow();
            assertThat(run.toLocalDate()).as("the run after the one at %s: %s", previous, run).isEqualTo(night);
            previous = run;
        }
    }

    @Test
    void eachMismatchBecomesATaskForPayroll() {
        String yesterday = TestClock.today().minusDays(1).toString();
        when(serviceNow.query(eq("sc_req_item"), eq("u_category=resignation^state=3^u_closed_on=" + yesterday), anyInt())).thenReturn(List.of(
                record("RITM0000101", "E101", "2026-11-30"),
                record("RITM0000102", "E102", "2026-11-30"),
                record("RITM0000103", "E103", "2026-11-30")));
        when(opusLon.employee("E101")).thenReturn(Optional.of(employee("E101", LocalDate.of(2026, 11, 30))));
        when(opusLon.employee("E102")).thenReturn(Optional.of(employee("E102", LocalDate.of(2026, 12, 31))));
        when(opusLon.employee("E103")).thenReturn(Optional.empty());

        ProcessInstance instance = start();
        runJobs(instance);

        List<Task> tasks = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("ks-loen").list();
        assertThat(tasks).extracting(task -> processEngine.getTaskService().getVariable(task.getId(), "sagsnummer"))
                .containsExactlyInAnyOrder("RITM0000102", "RITM0000103");
        Task e102 = tasks.stream().filter(task -> "RITM0000102".equals(
                processEngine.getTaskService().getVariable(task.getId(), "sagsnummer"))).findFirst().orElseThrow();
        assertThat(processEngine.getTaskService().getVariables(e102.getId()))
                .containsEntry("opusDato", "2026-12-31").containsEntry("serviceNowDato", "2026-11-30");

        tasks.forEach(task -> processEngine.getTaskService().complete(task.getId(), Map.of("afstemningsnote", "Rettet i Opus")));
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void nothingClosedYesterdayEndsAtOnce() {
        when(serviceNow.query(anyString(), anyString(), anyInt())).thenReturn(List.of());
        ProcessInstance instance = start();
        runJobs(instance);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private ProcessInstance start() {
        return processEngine.getRuntimeService().createProcessInstanceByKey(PROCESS).startBeforeActivity("Task_QueryServiceNow").execute();
    }

    private void runJobs(ProcessInstance instance) {
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
        }
    }

    static Map<String, Object> record(String number, String employeeNumber, String lastWorkingDay) {
        return Map.of("number", number, "u_employee_number", employeeNumber, "u_last_working_day", lastWorkingDay, "state", "3");
    }

    private static OpusLonPort.Employee employee(String number, LocalDate endDate) {
        return new OpusLonPort.Employee(number, "Navn", "0101901234", "u" + number, LocalDate.of(2015, 3, 1), endDate,
                new BigDecimal("420000"), "BUF", "E20001", BigDecimal.TEN, OpusLonPort.EmployeeType.OVERENSKOMST, false, false);
    }
}
