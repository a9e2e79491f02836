package dk.kk.ks.flow.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dk.kk.ks.flow.cases.CaseRequest;
import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;
import dk.kk.ks.flow.integration.edoc.EdocPort;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;

/**
 * Process tests: the real diagrams, decision tables and delegates on an in-memory engine, with every
 * external system's port mocked. The job executor is off, so each test steps through async
 * continuations and timers explicitly. All process tests share this one application context.
 * A case type's test starts a case with {@link #startCase}, acts as a user with {@link #logInAs} (logged out
 * after each test), and reads what the case wrote back to ServiceNow with {@link #workNote}.
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
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected RepositoryService repositoryService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected DecisionService decisionService;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    /** Starts a case as the intake does: the case type's process, the ServiceNow number as business key, its start variables. */
    protected <R extends CaseRequest> ProcessInstance startCase(CaseType<R> caseType, R request) {
        return runtimeService.createProcessInstanceByKey(caseType.processKey())
                .businessKey(request.serviceNowRef())
                .setVariables(caseType.startVariables(request))
                .execute();
    }

    /** As Tasklist does: the user with their groups, so the engine's authorization checks apply. */
    protected void logInAs(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
    }

    /**
     * The rejection every case type shares: a rejection without a comment is refused with a Danish message asking for
     * a reason ("begrundelse"), and the same rejection with a comment completes the task. Log in first where the task
     * checks who completes it.
     *
     * @param rejection the form's variables that reject, e.g. {@code Map.of("approved", false)}
     */
    protected void rejectWithComment(Task task, Map<String, Object> rejection, String comment) {
        assertThatThrownBy(() -> taskService.complete(task.getId(), rejection)).hasMessageContaining("begrundelse");
        Map<String, Object> withComment = new HashMap<>(rejection);
        withComment.put("comment", comment);
        taskService.complete(task.getId(), withComment);
    }

    /** The case's timer job on the given boundary or intermediate event. */
    protected Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
    }

    /** Every variable the case has had, by its last value (from history: also after the case ended). */
    protected Map<String, Object> historicVariables(ProcessInstance instance) {
        Map<String, Object> variables = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        return variables;
    }

    /** The work note the case's last step (Task_UpdateServiceNow) wrote to its ServiceNow record with the given state. */
    protected String workNote(ProcessInstance instance, ServiceNowPort.State state) {
        ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
        verify(serviceNow).update(eq(instance.getBusinessKey()), eq(state), note.capture(), eq(instance.getId() + ":Task_UpdateServiceNow"));
        return note.getValue();
    }

    /** A test resource as text, by its class-path name (e.g. {@code /diagrams/changed.bpmn}). */
    protected static String resource(String name) {
        try (InputStream in = ProcessTestCase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
