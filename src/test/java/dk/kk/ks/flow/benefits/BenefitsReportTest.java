package dk.kk.ks.flow.benefits;

import static dk.kk.ks.flow.support.ServiceNowRefs.newRitm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.opus.OpusDebitorPort;
import dk.kk.ks.flow.support.ProcessTestCase;
import dk.kk.ks.flow.support.TestClock;

/** The report over a history seeded at known times: four payouts in March 2031, one in April. */
class BenefitsReportTest extends ProcessTestCase {

    @Autowired
    BenefitsReport report;

    @AfterEach
    void resetClock() {
        TestClock.resetEngineClock();
    }

    @Test
    void everyFigureOfAPeriod() {
        when(opusDebitor.register(any(), anyString())).thenReturn(new OpusDebitorPort.Payout("P", "REGISTERED"));
        when(opusDebitor.release(anyString(), anyString())).thenReturn(new OpusDebitorPort.Payout("P", "RELEASED"));

        payout("10000.00", at(2, 8, 0), null, null, at(2, 8, 0));         // automatic, cycle 0 min
        payout("20000.00", at(3, 8, 0), at(3, 10, 0), "bo", at(3, 10, 30)); // one step of 120 min, cycle 150 min
        payout("30000.00", at(4, 8, 0), at(4, 8, 30), "bo", at(4, 9, 0));   // one step of 30 min, cycle 60 min
        payout("40000.00", at(5, 8, 0), null, null, null);                 // waiting for approval
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2031, 4, 2, 8, 0)));
        payout("10000.00", at(32, 8, 0), null, null, at(32, 8, 0));        // April: outside the period

        BenefitsReport.Report march = report.compute(LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 31));

        BenefitsReport.Row payouts = march.rows().stream().filter(r -> r.caseType().equals("invoice-payouts")).findFirst().orElseThrow();
        assertThat(payouts.started()).isEqualTo(4);
        assertThat(payouts.completed()).isEqualTo(3);
        assertThat(payouts.automaticShare()).isEqualByComparingTo("0.333");
        assertThat(payouts.humanSteps()).isEqualTo(2);
        assertThat(payouts.humanStepMedianMinutes()).isEqualByComparingTo("30.0");
        assertThat(payouts.humanStepP90Minutes()).isEqualByComparingTo("120.0");
        assertThat(payouts.cycleTimeMedianMinutes()).isEqualByComparingTo("60.0");

        // Business case for payouts: 1.0 årsværk over 5,000 cases = 1,924 x 60 / 5,000 minutes a case; 5 minutes a step.
        BigDecimal minutesBefore = new BigDecimal("115440").divide(new BigDecimal("5000"), MathContext.DECIMAL64);
        BigDecimal saved = minutesBefore.multiply(BigDecimal.valueOf(3)).subtract(BigDecimal.valueOf(10));
        BigDecimal fte = saved.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(30), MathContext.DECIMAL64)
                .divide(BigDecimal.valueOf(60), MathContext.DECIMAL64).divide(BigDecimal.valueOf(1924), MathContext.DECIMAL64);
        assertThat(payouts.minutesBeforePerCase()).isEqualByComparingTo("23.09");
        assertThat(payouts.minutesSaved()).isEqualByComparingTo(saved.setScale(2, RoundingMode.HALF_UP));
        assertThat(payouts.projectedFte()).isEqualByComparingTo(fte.setScale(2, RoundingMode.HALF_UP));
        assertThat(payouts.projectedKr()).isEqualByComparingTo(fte.multiply(BigDecimal.valueOf(629000)).setScale(0, RoundingMode.HALF_UP));
        assertThat(payouts.targetFte()).isEqualByComparingTo("1.0");
        assertThat(march.earliestData()).isBeforeOrEqualTo(LocalDate.of(2031, 3, 2));

        assertThat(march.rows()).extracting(BenefitsReport.Row::caseType).contains("timesheets", "resignations");
        String csv = BenefitsCsv.write(march);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("sagstype;startet;afsluttet");
        assertThat(csv).contains("invoice-payouts;4;3;0,333;2;30,0;120,0;60,0;23,09;");
        String page = BenefitsPage.render(march);
        assertThat(page).contains("Gevinstopfølgning", "<svg", "Fakturaudbetalinger", "Historikken har data fra", "<label for=\"from\">")
                .doesNotContain(">invoice-payouts<", "#c9c9c9");
    }

    /** Starts a payout at {@code start}, approves it at {@code approvedAt} by {@code approver}, and finishes at {@code end}. */
    private void payout(String amount, LocalDateTime start, LocalDateTime approvedAt, String approver, LocalDateTime end) {
        ClockUtil.setCurrentTime(date(start));
        ProcessInstance payout = runtimeService.startProcessInstanceByKey("invoice-payout", newRitm(),
                Map.of("debtorNumber", "1", "payee", "P", "amount", Double.parseDouble(amount), "reason", "R", "requestedBy", "anna",
                        "approvedBy", List.of()));
        execute(job(payout));
        if (approvedAt != null) {
            ClockUtil.setCurrentTime(date(approvedAt));
            identityService.setAuthentication(approver, List.of("debitor-godkendere"));
            taskService.complete(task(payout).getId(), Map.of("approved", true));
            identityService.clearAuthentication();
        }
        if (end != null) {
            ClockUtil.setCurrentTime(date(end));
            execute(job(payout));
            execute(job(payout));
        }
    }

    private static LocalDateTime at(int dayOfMarch, int hour, int minute) {
        return LocalDateTime.of(2031, 3, 1, hour, minute).plusDays(dayOfMarch - 1);
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.of("Europe/Copenhagen")).toInstant());
    }
}
