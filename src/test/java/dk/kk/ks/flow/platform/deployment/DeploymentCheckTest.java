package dk.kk.ks.flow.platform.deployment;

import static dk.kk.ks.flow.platform.deployment.Diagrams.bpmnWithTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.kk.ks.flow.connectors.ConnectorDates;
import dk.kk.ks.flow.platform.Groups;
import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * The engine checks every deployment, also one made through the Java API, and refuses it whole; and what gets
 * into the engine past the check (here: with the check taken out) still reaches no bean but the delegates and
 * helpers, calls no method but the listed ones, and runs no script.
 */
class DeploymentCheckTest extends ProcessTestCase {

    private static final String ATTACK = "${identityService.createMembership('procesejer','camunda-admin')}";

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("a script task", bpmnWithTask("angreb", """
                        <bpmn:scriptTask id="Task_X" scriptFormat="juel">FLOWS<bpmn:script>%s</bpmn:script></bpmn:scriptTask>""".formatted(ATTACK)),
                        Rule.NO_SCRIPTS),
                arguments("a script listener", bpmnWithTask("angreb", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener event="create">
                        <camunda:script scriptFormat="juel">%s</camunda:script></camunda:taskListener></bpmn:extensionElements>FLOWS</bpmn:userTask>"""
                        .formatted(ATTACK)), Rule.NO_SCRIPTS),
                arguments("camunda:class", bpmnWithTask("angreb", """
                        <bpmn:serviceTask id="Task_X" camunda:class="java.lang.Object">FLOWS</bpmn:serviceTask>"""), Rule.NO_JAVA_CLASSES),
                arguments("an unknown delegate", bpmnWithTask("angreb", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${noSuchDelegate}">FLOWS</bpmn:serviceTask>"""), Rule.KNOWN_DELEGATES),
                arguments("identityService", expression(ATTACK), Rule.EXPRESSIONS),
                arguments("processEngine", expression("${processEngine.identityService.createMembership('procesejer','camunda-admin')}"),
                        Rule.EXPRESSIONS),
                arguments("dataSource", expression("${dataSource.connection.metaData.URL}"), Rule.EXPRESSIONS),
                arguments("getClass()", expression("${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}"),
                        Rule.EXPRESSIONS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theJavaApiIsCheckedToo(String what, String diagram, Rule rule) {
        RepositoryService repository = processEngine.getRepositoryService();
        long deployments = repository.createDeploymentQuery().count();

        assertThatThrownBy(() -> repository.createDeployment().name("Angreb").addString("angreb.bpmn", diagram).deploy())
                .as(what)
                .isInstanceOfSatisfying(DeploymentRefusedException.class, refused -> {
                    assertThat(refused.getMessage()).contains("angreb.bpmn, element Task_X, regel " + rule);
                    assertThat(refused.getResorceReports()).singleElement().satisfies(report -> {
                        assertThat(report.getResourceName()).isEqualTo("angreb.bpmn");
                        assertThat(report.getErrors()).anySatisfy(problem -> assertThat(problem.getMainElementId()).isEqualTo("Task_X"));
                    });
                });

        assertThat(repository.createDeploymentQuery().count()).as("nothing stored").isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("angreb").count()).isZero();
    }

    /**
     * A process owner may deploy a new version of a case type, but not one whose approval has lost its four-eyes check
     * or has gone: new cases, and running cases moved to the new version, would be approved by their requester.
     */
    @Test
    void aNewVersionOfACaseTypeKeepsItsFourEyesCheck() {
        RepositoryService repository = processEngine.getRepositoryService();
        String shipped = resource("/invoice-payout.bpmn");
        String check = "<camunda:taskListener delegateExpression=\"${fourEyesApproval}\" event=\"complete\" />";
        assertThat(shipped).contains(check);
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("invoice-payout").count();

        for (String weakened : List.of(shipped.replace(check, ""), shipped.replace("<bpmn:userTask id=\"Task_Approve\"", "<bpmn:userTask id=\"Task_Approve2\""))) {
            assertThatThrownBy(() -> deployPayout("Svækket", weakened))
                    .isInstanceOfSatisfying(DeploymentRefusedException.class, refused -> assertThat(refused.getMessage())
                            .contains("invoice-payout.bpmn, element Task_Approve, regel KEPT_CONTROLS")
                            .contains("complete ${fourEyesApproval}"));
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("invoice-payout").count()).isEqualTo(versions);

        String kept = deployPayout("Nyt navn", shipped.replace("name=\"Godkend udbetaling\"", "name=\"Godkend udbetalingen\""));
        try {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("invoice-payout").count()).isEqualTo(versions + 1);
        } finally {
            repository.deleteDeployment(kept, true);
        }
    }

    /**
     * A process owner (an authenticated user) may not deploy a payout that registers another amount than the approver
     * sees; the application's own deployment at start (no authenticated user: a KS Flow release) may change the step.
     */
    @Test
    void aProcessOwnersNewVersionKeepsTheInputsOfItsStepsThatMoveMoneyAReleaseMayChangeThem() {
        RepositoryService repository = processEngine.getRepositoryService();
        String shipped = resource("/invoice-payout.bpmn");
        String amount = "<camunda:inputParameter name=\"amount\">${amount}</camunda:inputParameter>";
        assertThat(shipped).contains(amount);
        String literal = shipped.replace(amount, "<camunda:inputParameter name=\"amount\">250000</camunda:inputParameter>");
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("invoice-payout").count();

        processEngine.getIdentityService().setAuthentication("procesejer", List.of(Groups.PROCESS_OWNERS));
        try {
            assertThatThrownBy(() -> deployPayout("Fast beløb", literal))
                    .isInstanceOfSatisfying(DeploymentRefusedException.class, refused -> assertThat(refused.getMessage())
                            .contains("invoice-payout.bpmn, element Task_RegisterPayout, regel MONEY_STEPS: trinnet flytter penge "
                                    + "(opusDebitorRegisterConnector), og dets parametre [amount] er ændret"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("invoice-payout").count()).isEqualTo(versions);

        String release = deployPayout("KS Flow", literal);
        repository.deleteDeployment(release, true);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("invoice-payout").count()).isEqualTo(versions);
    }

    /** Deploys the payout diagram (with its approval form) as a deployment of that name; answers the deployment's id. */
    private String deployPayout(String name, String bpmn) {
        return processEngine.getRepositoryService().createDeployment().name(name).addString("invoice-payout.bpmn", bpmn)
                .addString("invoice-payout-approval.form", resource("/invoice-payout-approval.form")).deploy().getId();
    }

    @Test
    void aDeploymentThatKeepsTheRulesIsDeployed() {
        RepositoryService repository = processEngine.getRepositoryService();
        String id = repository.createDeployment().addString("ok.bpmn", bpmnWithTask("ok-proces", """
                <bpmn:userTask id="Task_X" camunda:candidateGroups="ks-loen" camunda:dueDate="${dates.daysAgo(-3)}">FLOWS</bpmn:userTask>"""))
                .deploy().getId();
        try {
            assertThat(repository.createProcessDefinitionQuery().deploymentId(id).singleResult().getKey()).isEqualTo("ok-proces");
        } finally {
            repository.deleteDeployment(id, true);
        }
    }

    @Test
    void anExpressionPastTheCheckReachesNoOtherBeanCallsNoOtherMethodAndRunsNoScript() {
        withoutTheCheck(() -> {
            for (String attack : List.of(ATTACK,
                    "${processEngine.identityService.createMembership('procesejer','camunda-admin')}",
                    "${execution.processEngineServices.identityService.createMembership('procesejer','camunda-admin')}",
                    "${execution.getProcessEngine().getIdentityService().createMembership('procesejer','camunda-admin')}",
                    "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}",
                    "${execution.class.classLoader}")) {
                String id = deploy(expression(attack));
                try {
                    assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey("angreb"))
                            .as(attack).isInstanceOf(ProcessEngineException.class);
                } finally {
                    processEngine.getRepositoryService().deleteDeployment(id, true);
                }
            }
            String script = deploy(bpmnWithTask("angreb", """
                    <bpmn:scriptTask id="Task_X" scriptFormat="juel">FLOWS<bpmn:script>%s</bpmn:script></bpmn:scriptTask>""".formatted(ATTACK)));
            try {
                assertThatThrownBy(() -> processEngine.getRuntimeService().startProcessInstanceByKey("angreb"))
                        .hasMessageContaining("Can't find scripting engine for 'juel'");
            } finally {
                processEngine.getRepositoryService().deleteDeployment(script, true);
            }
            String decision = deployDecision(Diagrams.dmn("angreb", ATTACK, "juel"));
            try {
                assertThatThrownBy(() -> processEngine.getDecisionService().evaluateDecisionTableByKey("angreb", Map.of()))
                        .hasStackTraceContaining("identityService");
            } finally {
                processEngine.getRepositoryService().deleteDeployment(decision, true);
            }
        });
        assertThat(processEngine.getIdentityService().createUserQuery().userId("procesejer").memberOfGroup(Groups.ADMIN).count()).isZero();
        assertThat(processEngine.getIdentityService().createUserQuery().userId("procesejer").count()).as("the sandbox user exists").isOne();
    }

    @Test
    void theAllowedExpressionsStillWork() {
        String id = processEngine.getRepositoryService().createDeployment().addString("datoer.bpmn", bpmnWithTask("datoer", """
                <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="igaar">${dates.yesterday()}</camunda:inputParameter>
                <camunda:inputParameter name="sag">#{execution.processBusinessKey}</camunda:inputParameter>
                <camunda:inputParameter name="tom">${liste.isEmpty()}</camunda:inputParameter>
                </camunda:inputOutput></bpmn:extensionElements>FLOWS</bpmn:userTask>""")).deploy().getId();
        try {
            ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("datoer", "RITM0000042",
                    Map.of("liste", List.of()));
            String execution = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getExecutionId();
            Map<String, Object> inputs = processEngine.getRuntimeService().getVariablesLocal(execution);
            assertThat((String) inputs.get("igaar")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(inputs).containsEntry("sag", "RITM0000042").containsEntry("tom", true);
        } finally {
            processEngine.getRepositoryService().deleteDeployment(id, true);
        }
    }

    @Test
    void theEnginesExpressionManagerResolvesOnlyTheListedBeans() {
        JuelExpressionManager expressions = (JuelExpressionManager) configuration().getExpressionManager();
        ELContext context = expressions.createElContext(Variables.createVariables().putValue("amount", 12).asVariableContext());

        assertThat(expressions.createValueExpression("${dates}").getValue(context)).isInstanceOf(ConnectorDates.class);
        assertThat(expressions.createValueExpression("${serviceNowWriteBack}").getValue(context)).isNotNull();
        assertThat(expressions.createValueExpression("${amount + 1}").getValue(context)).isEqualTo(13L);
        for (String bean : List.of("identityService", "processEngine", "dataSource", "runtimeService", "processEngineConfiguration",
                "deploymentRules", "expressionBeans")) {
            assertThatThrownBy(() -> expressions.createValueExpression("${" + bean + "}").getValue(context))
                    .as(bean).hasMessageContaining("Cannot resolve identifier '" + bean + "'");
        }
        for (String forbidden : List.of("${amount.getClass()}", "${amount.class}", "${dates.getClass()}", "${serviceNowWriteBack.execute(null)}",
                "${amount['class']}", "${'x'.getClass()}")) {
            assertThatThrownBy(() -> expressions.createValueExpression(forbidden).getValue(context)).as(forbidden).isInstanceOf(ELException.class)
                    .hasMessageStartingWith("Expressions may not");
        }
    }

    private static String expression(String expression) {
        return bpmnWithTask("angreb", """
                <bpmn:serviceTask id="Task_X" camunda:expression="%s">FLOWS</bpmn:serviceTask>""".formatted(expression));
    }

    private String deploy(String diagram) {
        return processEngine.getRepositoryService().createDeployment().addString("angreb.bpmn", diagram).deploy().getId();
    }

    private String deployDecision(String table) {
        return processEngine.getRepositoryService().createDeployment().addString("angreb.dmn", table).deploy().getId();
    }

    /** Runs the body with the engine's deployers minus the deployment check, as if a deployment had got past it. */
    private void withoutTheCheck(Runnable body) {
        List<Deployer> deployers = configuration().getDeployers();
        List<Deployer> unchecked = new ArrayList<>(deployers);
        assertThat(unchecked.removeIf(DeploymentCheck.class::isInstance)).as("the check is one of the engine's deployers").isTrue();
        configuration().getDeploymentCache().setDeployers(unchecked);
        try {
            body.run();
        } finally {
            configuration().getDeploymentCache().setDeployers(deployers);
        }
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }
}
