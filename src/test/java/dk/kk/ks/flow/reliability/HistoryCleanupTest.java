package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.opus.OpusDebitorPort;
import dk.kk.ks.flow.support.ProcessTestCase;

/** History is kept 730 days, then the nightly cleanup removes it (personal data is not kept longer than needed). */
class HistoryCleanupTest extends ProcessTestCase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theNightlyCleanupRemovesCasesOlderThanTheirTimeToLive() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

        when(opusDebitor.register(any(), anyString())).thenReturn(new OpusDebitorPort.Payout("P", "REGISTERED"));
        when(opusDebitor.release(anyString(), anyString())).thenReturn(new OpusDebitorPort.Payout("P", "RELEASED"));
        ProcessInstance old = payoutAt(Instant.now().minus(800, ChronoUnit.DAYS));
        ProcessInstance recent = payoutAt(Instant.now().minus(10, ChronoUnit.DAYS));
        ClockUtil.reset();

        Job cleanup = historyService.cleanUpHistoryAsync(true);
        processEngine.getManagementService().executeJob(cleanup.getId());

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(recent.getId()).count()).isEqualTo(1);
    }

    private ProcessInstance payoutAt(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        ProcessInstance payout = runtimeService.startProcessInstanceByKey("invoice-payout", "RITM" + (1_000_000 + (int) (Math.random() * 8_999_999)),
                Map.of("debtorNumber", "1", "payee", "P", "amount", 100.0, "reason", "R", "requestedBy", "anna", "approvedBy", List.of()));
        execute(job(payout));
        execute(job(payout));
        execute(job(payout));
        return payout;
    }
}
