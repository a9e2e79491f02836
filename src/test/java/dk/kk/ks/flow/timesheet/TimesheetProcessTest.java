package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.support.ServiceNowRefs.newRitm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.calendar.HolidayCalendar;
import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.support.ProcessTestCase;
import dk.kk.ks.flow.support.TestClock;

class TimesheetProcessTest extends ProcessTestCase {

    /** 250.00 kr/h exactly: 481,000 / 1,924. */
    static final BigDecimal SALARY_250_AN_HOUR = new BigDecimal("481000.00");

    @Autowired
    TimesheetCaseType caseType;
    @Autowired
    HolidayCalendar holidays;

    @BeforeEach
    void opusKnowsTheEmployee() {
        when(opusLon.employee("E10001")).thenReturn(Optional.of(new OpusLonPort.Employee("E10001", "Mette Jensen", "0101901234",
                "mettej", LocalDate.of(2015, 3, 1), null, SALARY_250_AN_HOUR, "BUF", "E20001", BigDecimal.ZERO,
                OpusLonPort.EmployeeType.OVERENSKOMST, false, false)));
        when(opusLon.registerOneOffPayment(any(), anyString())).thenReturn(new OpusLonPort.Registration(1, 0));
    }

    @Test
    void aTimesheetWithoutWarningsIsKeyedIntoOpusWithNoHumanStep() {
        ProcessInstance timesheet = start("E10001", line(TestClock.today().minusDays(10), "17:00", "21:00", Kind.NORMAL));

        execute(job(timesheet));
        assertThat(timesheet).isWaitingAt("Task_PostSupplements").variables().containsEntry("automatic", true);
        execute(job(timesheet));
        execute(job(timesheet));

        assertThat(timesheet).isEnded().hasNotPassed("Task_Review").variables().containsEntry("outcome", "POSTED");
        ArgumentCaptor<OpusLonPort.OneOffPayment> payment = ArgumentCaptor.forClass(OpusLonPort.OneOffPayment.class);
        verify(opusLon).registerOneOffPayment(payment.capture(), eq(timesheet.getId() + ":Task_PostSupplements"));
        assertThat(payment.getValue().employeeNumber()).isEqualTo("E10001");
        assertThat(payment.getValue().lines()).extracting(OpusLonPort.OneOffPaymentLine::wageType).contains("3101");
        assertThat(payment.getValue().lines()).allSatisfy(l -> assertThat(l.lineKey()).startsWith(timesheet.getId() + ":"));
        verify(serviceNow).update(eq(timesheet.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_COMPLETE), anyString(), anyString());
    }

    @Test
    void aFourteenHourLineGoesToPayrollForReviewAndIsKeyedAsApproved() {
        LocalDate day = TestClock.today().minusDays(5);
        ProcessInstance timesheet = start("E10001", line(day, "08:00", "22:00", Kind.NORMAL));

        execute(job(timesheet));
        assertThat(timesheet).isWaitingAt("Task_Review").variables()
                .containsEntry("automatic", false)
                .containsEntry("reasons", List.of("LINE_OVER_13_HOURS"));
        assertThat(task(timesheet)).hasCandidateGroup("ks-loen");

        taskService.complete(task(timesheet).getId(), Map.of("decision", "APPROVE"));
        execute(job(timesheet));
        execute(job(timesheet));
        assertThat(timesheet).isEnded().hasPassed("Task_Review", "Task_PostSupplements").variables()
                .containsEntry("outcome", "POSTED");
        verify(opusLon).registerOneOffPayment(any(), anyString());
    }

    @Test
    void aCorrectionChangesTheHoursAndRecomputesTheAmountOfThatLineOnly() {
        // A Saturday that is no holiday: 08:00-22:00 earns two lines, the Saturday supplement and the evening one.
        LocalDate day = TestClock.today().minusDays(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        while (holidays.holidayStart(day).isPresent()) {
            day = day.minusWeeks(1);
        }
        LocalDate saturday = day;
        ProcessInstance timesheet = start("E10001", line(day, "08:00", "22:00", Kind.NORMAL));
        execute(job(timesheet));

        assertThatThrownBy(() -> taskService.complete(task(timesheet).getId(), Map.of("decision", "CORRECT",
                "corrections", saturday.minusDays(1) + " aften 2")))
                .hasMessageContaining("kun beregnede linjer");
        taskService.complete(task(timesheet).getId(), Map.of("decision", "CORRECT",
                "corrections", saturday + " aften 2,00"));
        execute(job(timesheet));

        ArgumentCaptor<OpusLonPort.OneOffPayment> payment = ArgumentCaptor.forClass(OpusLonPort.OneOffPayment.class);
        verify(opusLon).registerOneOffPayment(payment.capture(), anyString());
        OpusLonPort.OneOffPaymentLine evening = payment.getValue().lines().stream()
                .filter(l -> l.wageType().equals("3101")).findFirst().orElseThrow();
        assertThat(evening.hours()).isEqualByComparingTo("2.00");
        // 2.00 h x 250.00 kr x 35.12 %
        assertThat(evening.amount()).isEqualByComparingTo("175.60");
        // The Saturday line as calculated: 14.00 h x 250.00 kr x 31.71 %
        assertThat(payment.getValue().lines()).hasSize(2).filteredOn(l -> l.wageType().equals("3103")).singleElement()
                .satisfies(l -> {
                    assertThat(l.hours()).isEqualByComparingTo("14.00");
                    assertThat(l.amount()).isEqualByComparingTo("1109.85");
                });
    }

    @Test
    void aRejectionNeedsACommentAndEndsRejectedWithTheWarnings() {
        ProcessInstance timesheet = start("E10001", line(TestClock.today().plusDays(3), "17:00", "21:00", Kind.NORMAL));
        execute(job(timesheet));
        assertThat(timesheet).isWaitingAt("Task_Review");

        rejectWithComment(task(timesheet), Map.of("decision", "REJECT"), "Vagten er ikke afholdt endnu");
        execute(job(timesheet));

        assertThat(timesheet).isEnded().hasNotPassed("Task_PostSupplements").variables()
                .containsEntry("outcome", "REJECTED")
                .containsEntry("reasons", List.of("FUTURE_DATE", "REJECTED_BY_CASEWORKER"));
        verify(opusLon, never()).registerOneOffPayment(any(), anyString());
        verify(serviceNow).update(eq(timesheet.getBusinessKey()), eq(ServiceNowPort.State.CLOSED_INCOMPLETE), anyString(), anyString());
    }

    @Test
    void anEmployeeUnknownToOpusIsReviewed() {
        when(opusLon.employee("E99999")).thenReturn(Optional.empty());
        ProcessInstance timesheet = start("E99999", line(TestClock.today().minusDays(2), "17:00", "21:00", Kind.NORMAL));

        execute(job(timesheet));

        assertThat(timesheet).isWaitingAt("Task_Review").variables()
                .containsEntry("reasons", List.of("UNKNOWN_EMPLOYEE"))
                .containsEntry("employeeName", "(ukendt i Opus)");
    }

    private ProcessInstance start(String employeeNumber, TimesheetRequest.Line... lines) {
        TimesheetRequest request = new TimesheetRequest(newRitm(),
                employeeNumber, "KK-STANDARD", List.of(lines));
        return startCase(caseType, request);
    }

    private static TimesheetRequest.Line line(LocalDate date, String start, String end, Kind kind) {
        return new TimesheetRequest.Line(date, LocalTime.parse(start), LocalTime.parse(end), kind);
    }

}
