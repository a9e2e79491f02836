package dk.kk.ks.flow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * A case's view follows the processes its call activities called: their wait states are the case's current steps,
 * and an incident in one of them is the case's incident (the engine copies it onto the calls, up to the case). No
 * shipped diagram calls another process today, but a process owner may model one (the resignation can be called),
 * so a changed posting diagram calls a small process before its review.
 */
class CaseViewsTest extends ProcessTestCase {

    private static final String CHILD = "test-case-view-child";
    private static final String GRANDCHILD = "test-case-view-grandchild";

    @Autowired
    private CaseViews caseViews;
    @Autowired
    private CaseTypes caseTypes;

    private Deployment deployment;

    @BeforeEach
    void deployACaseThatCallsAProcess() {
        BpmnModelInstance caller = Bpmn.createExecutableProcess(postings().processKey()).camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_Child").name("Kald underproces").calledElement(CHILD)
                .userTask("Task_Review").name("Efter underprocessen")
                // The posting's four-eyes control stays on its review step, as the deployment guard requires
                .camundaTaskListenerDelegateExpression("create", "${postingReview}")
                .camundaTaskListenerDelegateExpression("complete", "${postingReview}")
                .endEvent().done();
        BpmnModelInstance child = Bpmn.createExecutableProcess(CHILD).camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("Fork")
                .userTask("Task_Child").name("Underprocessens opgave")
                .parallelGateway("Join")
                .endEvent()
                .moveToNode("Fork")
                .callActivity("Call_Grandchild").calledElement(GRANDCHILD)
                .connectTo("Join")
                .done();
        BpmnModelInstance grandchild = Bpmn.createExecutableProcess(GRANDCHILD).camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("Wait_Reply").name("Venter på svar").message("test-case-view-reply")
                .endEvent().done();
        deployment = repositoryService.createDeployment()
                .addModelInstance("caller.bpmn", caller)
                .addModelInstance("child.bpmn", child)
                .addModelInstance("grandchild.bpmn", grandchild)
                .deploy();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void theStepsAndIncidentsOfCalledProcessesAreTheCases() {
        ProcessInstanceWithVariables caseInstance = runtimeService.createProcessInstanceByKey(postings().processKey())
                .businessKey("RITM0000901").executeWithVariablesInReturn();

        // The intake's answer (from the instance just started) and a later lookup (from the history) alike
        CaseView answer = caseViews.viewOfStarted(caseInstance, postings());
        assertThat(answer.currentSteps()).containsExactlyInAnyOrder("Underprocessens opgave", "Venter på svar");
        CaseView view = caseViews.view(caseInstance.getId());
        assertThat(view.status()).isEqualTo(CaseView.Status.ACTIVE);
        assertThat(view.currentSteps()).containsExactlyInAnyOrder("Underprocessens opgave", "Venter på svar");

        ProcessInstance grandchild = runtimeService.createProcessInstanceQuery().processDefinitionKey(GRANDCHILD)
                .rootProcessInstanceId(caseInstance.getId()).singleResult();
        runtimeService.createIncident("failedJob", runtimeService.createExecutionQuery().processInstanceId(grandchild.getId())
                .activityId("Wait_Reply").singleResult().getId(), "Opus svarer ikke");
        assertThat(caseViews.view(caseInstance.getId()).status()).isEqualTo(CaseView.Status.INCIDENT);

        runtimeService.createMessageCorrelation("test-case-view-reply").processInstanceId(grandchild.getId()).correlate();
        taskService.complete(taskService.createTaskQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(caseInstance.getId()).singleResult().getId()).singleResult().getId());

        CaseView afterChild = caseViews.view(caseInstance.getId());
        assertThat(afterChild.status()).isEqualTo(CaseView.Status.ACTIVE);
        assertThat(afterChild.currentSteps()).containsExactly("Efter underprocessen");
    }

    private CaseType<?> postings() {
        return caseTypes.byName("postings").orElseThrow();
    }
}
