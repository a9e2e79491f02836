package dk.kk.ks.flow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;
import dk.kk.ks.flow.integration.edoc.EdocPort;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;
import dk.kk.ks.flow.paymentcard.PaymentCardClosing;

/**
 * Process tests: the real diagrams, decision tables and delegates on an in-memory engine, with every
 * external system's port mocked. The job executor is off, so each test steps through async
 * continuations and timers explicitly. All process tests share this one application context.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true"})
public abstract class ProcessTestCase {

    @MockitoBean
    protected OpusDebitorPort opusDebitor;
    @MockitoBean
    protected ServiceNowPort serviceNow;
    @MockitoBean
    protected OpusLonPort opusLon;
    @MockitoBean
    protected PaymentCardClosing paymentCards;
    @MockitoBean
    protected EdocPort edoc;
    @MockitoBean
    protected DigitalPostPort digitalPost;
    @MockitoBean
    protected OpusOekonomiPort opusOekonomi;
    @MockitoBean
    protected ServiceContractRegister contractRegister;
    @MockitoBean
    protected CardIssuerPort cardIssuer;

    @Autowired
    protected ProcessEngine processEngine;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    /** As Tasklist does: the user with their groups, so the engine's authorization checks apply. */
    protected void logInAs(String user) {
        java.util.List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        processEngine.getIdentityService().setAuthentication(user, groups);
    }

    /** The case's timer job on the given boundary or intermediate event. */
    protected org.camunda.bpm.engine.runtime.Job timer(org.camunda.bpm.engine.runtime.ProcessInstance instance, String activityId) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().activityId(activityId).singleResult();
    }
}
