package dk.kk.ks.flow.platform.deployment;

import static dk.kk.ks.flow.platform.deployment.Diagrams.bpmn;
import static dk.kk.ks.flow.platform.deployment.Diagrams.bpmnWithTask;
import static dk.kk.ks.flow.platform.deployment.Diagrams.dmn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * The rules every deployment keeps, with the application's real beans: each rule refuses what it is about, naming
 * the file, the element and the rule, and lets through what the shipped diagrams do (DiagramLintTest checks every
 * shipped file). DeploymentCheckTest shows the engine applying them; ProcessOwnerDeploymentTest, Camunda Modeler's way.
 */
class DeploymentRulesTest extends ProcessTestCase {

    @Autowired
    DeploymentRules rules;

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("a script task", bpmnWithTask("p", """
                        <bpmn:scriptTask id="Task_X" scriptFormat="javascript">FLOWS<bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>"""),
                        Rule.NO_SCRIPTS, "script-opgaver er ikke tilladt"),
                arguments("a JUEL script task", bpmnWithTask("p", """
                        <bpmn:scriptTask id="Task_X" scriptFormat="juel">FLOWS<bpmn:script>${identityService}</bpmn:script></bpmn:scriptTask>"""),
                        Rule.NO_SCRIPTS, "script-opgaver"),
                arguments("a script execution listener", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:executionListener event="start">
                        <camunda:script scriptFormat="groovy">println 'x'</camunda:script></camunda:executionListener></bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.NO_SCRIPTS, "camunda:script"),
                arguments("a script task listener", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener event="create">
                        <camunda:script scriptFormat="javascript">task.setAssignee('x')</camunda:script></camunda:taskListener></bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.NO_SCRIPTS, "camunda:script"),
                arguments("a script input parameter", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">
                        <camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.NO_SCRIPTS, "camunda:script"),
                arguments("a script condition", bpmn("p", """
                        <bpmn:startEvent id="Start" /><bpmn:endEvent id="End" />
                        <bpmn:sequenceFlow id="Flow_X" sourceRef="Start" targetRef="End">
                        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow>"""),
                        Rule.NO_SCRIPTS, "language=\"groovy\""),
                arguments("an external script resource", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:executionListener event="start">
                        <camunda:script scriptFormat="groovy" camunda:resource="deployment://x.groovy" /></camunda:executionListener></bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.NO_SCRIPTS, "camunda:resource"),
                arguments("camunda:class on a service task", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:class="org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior">FLOWS</bpmn:serviceTask>"""),
                        Rule.NO_JAVA_CLASSES, "camunda:class er ikke tilladt"),
                arguments("the legacy activiti:class", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" xmlns:activiti="http://activiti.org/bpmn" activiti:class="java.lang.Object">FLOWS</bpmn:serviceTask>"""),
                        Rule.NO_JAVA_CLASSES, "class er ikke tilladt"),
                arguments("a class on a listener", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener event="create" class="java.lang.Object" />
                        </bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.NO_JAVA_CLASSES, "class er ikke tilladt"),
                arguments("field injection into a delegate", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${serviceNowWriteBack}"><bpmn:extensionElements>
                        <camunda:field name="serviceNow"><camunda:string>x</camunda:string></camunda:field></bpmn:extensionElements>FLOWS</bpmn:serviceTask>"""),
                        Rule.NO_FIELD_INJECTION, "camunda:field"),
                arguments("an unknown delegate", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${noSuchDelegate}">FLOWS</bpmn:serviceTask>"""),
                        Rule.KNOWN_DELEGATES, "binder ingen kendt delegate: noSuchDelegate"),
                arguments("a bean that is no delegate", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${identityService}">FLOWS</bpmn:serviceTask>"""),
                        Rule.KNOWN_DELEGATES, "binder ingen kendt delegate: identityService"),
                arguments("more than a bean name in a delegate expression", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${identityService.createMembership('a','b')}">FLOWS</bpmn:serviceTask>"""),
                        Rule.KNOWN_DELEGATES, "skal være ${navn}"),
                arguments("a task listener bound as a service task", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${fourEyesApproval}">FLOWS</bpmn:serviceTask>"""),
                        Rule.KNOWN_DELEGATES, "binder ingen kendt delegate: fourEyesApproval"),
                arguments("a service task with an expression", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:expression="${dates.today()}">FLOWS</bpmn:serviceTask>"""),
                        Rule.KNOWN_DELEGATES, "bruger ikke camunda:delegateExpression"),
                arguments("a camunda:connector", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId>
                        </camunda:connector></bpmn:extensionElements>FLOWS</bpmn:serviceTask>"""),
                        Rule.KNOWN_DELEGATES, "camunda:connector"),
                arguments("a generated form whose validator names a Java class", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:formData><camunda:formField id="f" type="string">
                        <camunda:validation><camunda:constraint name="validator" config="java.lang.Object" /></camunda:validation>
                        </camunda:formField></camunda:formData></bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.FORMS, "camunda:formData er ikke tilladt"),
                arguments("an embedded HTML form", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X" camunda:formKey="embedded:deployment:form.html">FLOWS</bpmn:userTask>"""),
                        Rule.FORMS, "camunda:formKey"),
                arguments("a form that is not deployed", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X" camunda:formRef="no-such-form" camunda:formRefBinding="latest">FLOWS</bpmn:userTask>"""),
                        Rule.FORMS, "formularen 'no-such-form' findes ikke"),
                arguments("a writing connector without async before", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${opusTerminationConnector}">FLOWS</bpmn:serviceTask>"""),
                        Rule.ASYNC_WRITES, "camunda:asyncBefore"),
                arguments("identityService in a condition", condition("${identityService.createMembership('procesejer','camunda-admin') == null}"),
                        Rule.EXPRESSIONS, "'identityService' er ikke en tilladt bean"),
                arguments("processEngine in an input parameter", input("${processEngine.identityService}"),
                        Rule.EXPRESSIONS, "'processEngine'"),
                arguments("dataSource in candidate groups", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X" camunda:candidateGroups="${dataSource.connection}">FLOWS</bpmn:userTask>"""),
                        Rule.EXPRESSIONS, "'dataSource' er ikke en tilladt bean"),
                arguments("a bean in an assignee", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X" camunda:assignee="${runtimeService.toString()}">FLOWS</bpmn:userTask>"""),
                        Rule.EXPRESSIONS, "'runtimeService' er ikke en tilladt bean"),
                arguments("a bean in a due date", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X" camunda:dueDate="${managementService}">FLOWS</bpmn:userTask>"""),
                        Rule.EXPRESSIONS, "'managementService'"),
                arguments("a bean in a timer", bpmn("p", """
                        <bpmn:startEvent id="Start_X"><bpmn:timerEventDefinition id="Timer_X">
                        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${repositoryService.toString()}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>"""),
                        Rule.EXPRESSIONS, "'repositoryService'"),
                arguments("a bean in a listener expression", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements>
                        <camunda:taskListener event="create" expression="${identityService.deleteUser('demo')}" /></bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.EXPRESSIONS, "'identityService'"),
                arguments("a bean in a form field", bpmnWithTask("p", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:formData>
                        <camunda:formField id="Field_X" type="string" defaultValue="${identityService.createUserQuery().list()}" />
                        </camunda:formData></bpmn:extensionElements>FLOWS</bpmn:userTask>"""),
                        Rule.EXPRESSIONS, "'identityService'"),
                arguments("getClass() on a text", input("${''.getClass().forName('java.lang.Runtime')}"),
                        Rule.EXPRESSIONS, "metoden getClass() er ikke tilladt"),
                arguments("getClass() on a variable", input("${amount.getClass()}"),
                        Rule.EXPRESSIONS, "metoden getClass() er ikke tilladt"),
                arguments("the class property", input("${amount.class.classLoader}"),
                        Rule.EXPRESSIONS, "egenskaben 'class' er ikke tilladt"),
                arguments("the class property in brackets", input("${amount['class']}"),
                        Rule.EXPRESSIONS, "egenskaben 'class' er ikke tilladt"),
                arguments("a computed property", input("${amount[name]}"),
                        Rule.EXPRESSIONS, "beregnede egenskaber"),
                arguments("a method that is not listed", input("${reasons.clear()}"),
                        Rule.EXPRESSIONS, "metoden clear() er ikke tilladt"),
                arguments("a function", input("${S(payload).prop('x')}"),
                        Rule.EXPRESSIONS, "funktionen S() er ikke tilladt"),
                arguments("the engine behind the execution", input("${execution.processEngineServices.identityService}"),
                        Rule.EXPRESSIONS, "egenskaben 'processEngineServices' på 'execution'"),
                arguments("the engine behind the task", input("${task.getProcessEngine()}"),
                        Rule.EXPRESSIONS, "metoden getProcessEngine() på 'task'"),
                arguments("the execution itself", input("${execution}"),
                        Rule.EXPRESSIONS, "'execution' må kun bruges"),
                arguments("a helper's other methods", input("${dates.getClass()}"),
                        Rule.EXPRESSIONS, "hjælperen 'dates' må kun bruges med metoderne daysAgo, today, yesterday"),
                arguments("a delegate outside a delegate expression", input("${serviceNowWriteBack.execute(execution)}"),
                        Rule.EXPRESSIONS, "delegaten 'serviceNowWriteBack' må kun bindes i camunda:delegateExpression"),
                arguments("an external task that is no robot", bpmnWithTask("p", """
                        <bpmn:serviceTask id="Task_X" camunda:type="external" camunda:topic="anything">FLOWS</bpmn:serviceTask>"""),
                        Rule.ROBOT_TOPIC, "robot-<navn>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String what, String diagram, Rule rule, String problem) {
        List<Violation> violations = check("afvist.bpmn", diagram);
        assertThat(violations).as(what).anySatisfy(violation -> {
            assertThat(violation.resource()).isEqualTo("afvist.bpmn");
            assertThat(violation.elementId()).isIn("Task_X", "Flow_X", "Timer_X", "Field_X");
            assertThat(violation.rule()).isEqualTo(rule);
            assertThat(violation.problem()).contains(problem);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"${dates.yesterday()}", "u_closed_on=${dates.daysAgo(7)}", "#{execution.processBusinessKey}",
            "${reasons.isEmpty()}", "${not limitApproverGroups.isEmpty()}", "${fratraedelse.u_employee_number}",
            "${opusFratraedelse != fratraedelse.u_last_working_day}", "${amount gt 100 and not approved ? 'a' : 'b'}",
            "${execution.getVariable('amount')}", "${list[0]}", "${triageResult['triage']}", "${authenticatedUserId}", "plain text"})
    void letsThroughWhatTheShippedDiagramsDo(String expression) {
        assertThat(check("ok.bpmn", input(expression))).isEmpty();
    }

    @Test
    void aDelegateExpressionBindsTheApplicationsDelegatesAndListeners() {
        String diagram = bpmnWithTask("p", """
                <bpmn:userTask id="Task_X" camunda:formRef="invoice-payout-approval" camunda:formRefBinding="latest"><bpmn:extensionElements>
                <camunda:taskListener event="complete" delegateExpression="${fourEyesApproval}" /></bpmn:extensionElements>FLOWS</bpmn:userTask>
                <bpmn:serviceTask id="Task_Y" camunda:asyncBefore="true" camunda:delegateExpression="${opusTerminationConnector}" />""");
        assertThat(rules.check(Map.of("ok.bpmn", bytes(diagram)), "invoice-payout-approval"::equals)).isEmpty();
    }

    @Test
    void aFormBoundByDeploymentMustBeInTheDeployment() {
        String diagram = bpmnWithTask("p", """
                <bpmn:userTask id="Task_X" camunda:formRef="min-formular" camunda:formRefBinding="deployment">FLOWS</bpmn:userTask>""");
        assertThat(rules.check(Map.of("p.bpmn", bytes(diagram)), key -> true)).extracting(Violation::rule).containsExactly(Rule.FORMS);
        Map<String, byte[]> withForm = new LinkedHashMap<>();
        withForm.put("p.bpmn", bytes(diagram));
        withForm.put("min-formular.form", bytes("{\"id\": \"min-formular\", \"components\": []}"));
        assertThat(rules.check(withForm, key -> false)).isEmpty();
    }

    @Test
    void decisionTablesAreFeel() {
        assertThat(check("ok.dmn", dmn("d", "amount", null))).isEmpty();
        assertThat(check("ok.dmn", dmn("d", "amount", "feel"))).isEmpty();
        for (String language : List.of("juel", "javascript", "groovy")) {
            assertThat(check("afvist.dmn", dmn("d", "amount", language))).singleElement().satisfies(violation -> {
                assertThat(violation.elementId()).isEqualTo("InputExpression_1");
                assertThat(violation.rule()).isEqualTo(Rule.FEEL_ONLY);
                assertThat(violation.problem()).contains("'" + language + "'");
            });
        }
        assertThat(check("afvist.dmn", dmn("d", "amount.class", null))).extracting(Violation::rule).containsExactly(Rule.EXPRESSIONS);
        assertThat(check("ok.dmn", dmn("d", "\"class\" + amount", null))).isEmpty(); // a string, not a name
        assertThat(check("afvist.dmn", dmn("d", "amount", null).replace("camunda:historyTimeToLive=\"P1D\"", "")))
                .extracting(Violation::rule).containsExactly(Rule.HISTORY_TIME_TO_LIVE);
    }

    @Test
    void onlyDiagramsDecisionTablesAndFormsAreDeployed() {
        assertThat(check("x.js", "java.lang.Runtime.getRuntime()")).extracting(Violation::rule).containsExactly(Rule.RESOURCE_TYPE);
        assertThat(check("x.cmmn", "<definitions/>")).extracting(Violation::rule).containsExactly(Rule.RESOURCE_TYPE);
        assertThat(check("x.form", "no json")).extracting(Violation::rule).containsExactly(Rule.READABLE);
    }

    @Test
    void aDoctypeIsRefused() {
        String diagram = input("&x;").replace("<bpmn:definitions", "<!DOCTYPE d [<!ENTITY x \"${identityService}\">]>\n<bpmn:definitions");
        assertThat(check("afvist.bpmn", diagram)).extracting(Violation::rule).containsExactly(Rule.READABLE);
    }

    @Test
    void theMessageNamesTheFileTheElementAndTheRule() {
        Violation violation = check("angreb.bpmn", Diagrams.administratorAttack("angreb")).stream()
                .filter(v -> v.rule() == Rule.EXPRESSIONS).findFirst().orElseThrow();
        assertThat(violation.message()).startsWith("angreb.bpmn, element Task_Attack, regel EXPRESSIONS: udtrykket "
                + "«${identityService.createMembership('procesejer','camunda-admin')}»: 'identityService' er ikke en tilladt bean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P731D", "P99999D", "100000", "P0D", "0", "${ttl}", "P1Y", "-5"})
    void historyIsKeptOneToSevenHundredThirtyDays(String retention) {
        String diagram = bpmn("p", "<bpmn:startEvent id=\"Start\" />").replace("camunda:historyTimeToLive=\"P1D\"",
                "camunda:historyTimeToLive=\"" + retention + "\"");
        assertThat(check("langlivet.bpmn", diagram)).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo(Rule.HISTORY_TIME_TO_LIVE);
            assertThat(violation.problem()).contains(retention.startsWith("P") && retention.endsWith("D") || retention.matches("\\d+")
                    ? "mellem 1 og 730 dage" : "skal være et antal dage");
        });
        String table = dmn("d", "amount", null).replace("camunda:historyTimeToLive=\"P1D\"", "camunda:historyTimeToLive=\"" + retention + "\"");
        assertThat(check("langlivet.dmn", table)).extracting(Violation::rule).containsExactly(Rule.HISTORY_TIME_TO_LIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P730D", "730", "P1D", "180"})
    void aRetentionOfUpToTwoYearsIsAccepted(String retention) {
        String diagram = bpmn("p", "<bpmn:startEvent id=\"Start\" />").replace("camunda:historyTimeToLive=\"P1D\"",
                "camunda:historyTimeToLive=\"" + retention + "\"");
        assertThat(check("ok.bpmn", diagram)).isEmpty();
        String table = dmn("d", "amount", null).replace("camunda:historyTimeToLive=\"P1D\"", "camunda:historyTimeToLive=\"" + retention + "\"");
        assertThat(check("ok.dmn", table)).isEmpty();
    }

    /**
     * A connector that moves money pays whatever its inputs say. In a process of the process owner's own (here: every
     * day at a timer, a literal debtor and amount, no intake, no approval) it is refused, whichever of them it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"opusDebitorRegisterConnector", "opusDebitorReleaseConnector", "opusOneOffPaymentConnector",
            "opusOkonomiJournalConnector", "opusOkonomiSettlementConnector", "cardIssuerOrderConnector"})
    void aStepThatMovesMoneyIsOnlyInACaseTypesProcess(String connector) {
        String diagram = bpmn("procesejer-udbetaling", """
                <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_In</bpmn:outgoing><bpmn:timerEventDefinition id="Timer_Daily">
                <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:serviceTask id="Task_X" name="Betal" camunda:asyncBefore="true" camunda:delegateExpression="${%s}">
                <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="debtorNumber">999999</camunda:inputParameter>
                <camunda:inputParameter name="amount">250000</camunda:inputParameter>
                </camunda:inputOutput></bpmn:extensionElements>
                <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing></bpmn:serviceTask>
                <bpmn:endEvent id="End"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Task_X" />
                <bpmn:sequenceFlow id="Flow_Out" sourceRef="Task_X" targetRef="End" />""".formatted(connector));
        assertThat(check("udbetaling.bpmn", diagram)).singleElement().satisfies(violation -> {
            assertThat(violation.elementId()).isEqualTo("Task_X");
            assertThat(violation.rule()).isEqualTo(Rule.MONEY_STEPS);
            assertThat(violation.message()).isEqualTo("udbetaling.bpmn, element Task_X, regel MONEY_STEPS: trinnet bruger " + connector
                    + ", der flytter penge; det må kun ligge i processen for en af KS Flows sagstyper [dismissal, invoice-payout, "
                    + "payment-card, posting, resignation, service-contract-regulation, timesheet], hvor sagen er modtaget og godkendt, "
                    + "ikke i processen 'procesejer-udbetaling'");
        });
        // The same process may write to other systems (cancel a payout, journalise): those steps move no money.
        assertThat(check("ok.bpmn", diagram.replace("${" + connector + "}", "${opusDebitorCancelConnector}"))).isEmpty();
    }

    /** What a process owner may not do to a step of the payout that moves money, and what the message says. */
    static Stream<Arguments> changedMoneySteps() {
        String register = "<camunda:inputParameter name=\"amount\">${amount}</camunda:inputParameter>";
        return Stream.of(
                arguments("a literal amount", register, "<camunda:inputParameter name=\"amount\">250000</camunda:inputParameter>",
                        "Task_RegisterPayout", "dets parametre [amount] er ændret"),
                arguments("another debtor than the approver saw", "<camunda:inputParameter name=\"debtorNumber\">${debtorNumber}</camunda:inputParameter>",
                        "<camunda:inputParameter name=\"debtorNumber\">${payee}</camunda:inputParameter>",
                        "Task_RegisterPayout", "dets parametre [debtorNumber] er ændret"),
                arguments("an input the shipped step has not", register, register + "<camunda:inputParameter name=\"x\">1</camunda:inputParameter>",
                        "Task_RegisterPayout", "dets parametre [x] er ændret"),
                arguments("an output that shows the approver another amount", register,
                        register + "<camunda:outputParameter name=\"amount\">500</camunda:outputParameter>",
                        "Task_RegisterPayout", "dets parametre [amount] er ændret"),
                arguments("another connector", "camunda:delegateExpression=\"${opusDebitorRegisterConnector}\"",
                        "camunda:delegateExpression=\"${opusOkonomiJournalConnector}\"",
                        "Task_RegisterPayout", "bruger opusDebitorRegisterConnector i den udrullede version, ikke opusOkonomiJournalConnector"),
                arguments("the release step writing no money", "camunda:delegateExpression=\"${opusDebitorReleaseConnector}\"",
                        "camunda:delegateExpression=\"${opusDebitorCancelConnector}\"",
                        "Task_ReleasePayout", "trinnet Task_ReleasePayout flytter penge (opusDebitorReleaseConnector) i den udrullede version; "
                                + "det skal blive i processen med samme id"),
                arguments("the register step under a new id", "<bpmn:serviceTask id=\"Task_RegisterPayout\"",
                        "<bpmn:serviceTask id=\"Task_RegisterPayout2\"",
                        "Task_RegisterPayout2", "er ikke med i den udrullede version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedMoneySteps")
    void aNewVersionOfACaseTypeKeepsItsStepsThatMoveMoney(String what, String shippedText, String changedText, String element, String problem) {
        String shipped = resource("/invoice-payout.bpmn");
        assertThat(shipped).as(what).contains(shippedText);
        String changed = shipped.replace(shippedText, changedText);

        assertThat(checkNewVersion("invoice-payout", shipped, changed, false)).as(what)
                .filteredOn(violation -> violation.rule() == Rule.MONEY_STEPS).isNotEmpty().anySatisfy(violation -> {
                    assertThat(violation.resource()).isEqualTo("invoice-payout.bpmn");
                    assertThat(violation.elementId()).isEqualTo(element);
                    assertThat(violation.problem()).contains(problem);
                });
        // A KS Flow release (the application's own deployment at start) may change them.
        assertThat(checkNewVersion("invoice-payout", shipped, changed, true)).as(what)
                .noneMatch(violation -> violation.rule() == Rule.MONEY_STEPS);
    }

    @Test
    void aNewVersionMayMoveRenameAndReorderItsStepsThatMoveMoneyAndChangeOtherSteps() {
        String shipped = resource("/invoice-payout.bpmn");
        String reordered = "<camunda:inputParameter name=\"payee\">${payee}</camunda:inputParameter>\n"
                + "          <camunda:inputParameter name=\"debtorNumber\">${debtorNumber}</camunda:inputParameter>";
        String original = "<camunda:inputParameter name=\"debtorNumber\">${debtorNumber}</camunda:inputParameter>\n"
                + "          <camunda:inputParameter name=\"payee\">${payee}</camunda:inputParameter>";
        assertThat(shipped).contains(original, "<dc:Bounds x=\"385\" y=\"160\" width=\"130\" height=\"80\" />",
                "name=\"Registrer udbetaling i Opus Debitor\"", "<camunda:inputParameter name=\"payoutId\">${opusPayoutId}</camunda:inputParameter>\n"
                        + "        </camunda:inputOutput>\n      </bpmn:extensionElements>\n      <bpmn:incoming>Flow_RejectedToCancel");
        String moved = shipped.replace("<dc:Bounds x=\"385\" y=\"160\" width=\"130\" height=\"80\" />",
                        "<dc:Bounds x=\"385\" y=\"300\" width=\"150\" height=\"80\" />")
                .replace("name=\"Registrer udbetaling i Opus Debitor\"", "name=\"Registrér udbetalingen i Opus Debitor\"")
                .replace(original, reordered);
        assertThat(checkNewVersion("invoice-payout", shipped, moved, false)).isEmpty();
        assertThat(checkNewVersion("invoice-payout", shipped, shipped, false)).isEmpty();

        // A step that moves no money (cancel the payout in Opus Debitor) may change its inputs.
        String cancel = shipped.replace("<camunda:inputParameter name=\"payoutId\">${opusPayoutId}</camunda:inputParameter>\n"
                + "        </camunda:inputOutput>\n      </bpmn:extensionElements>\n      <bpmn:incoming>Flow_RejectedToCancel",
                "<camunda:inputParameter name=\"payoutId\">${opusPayoutIdAgain}</camunda:inputParameter>\n"
                + "        </camunda:inputOutput>\n      </bpmn:extensionElements>\n      <bpmn:incoming>Flow_RejectedToCancel");
        assertThat(cancel).isNotEqualTo(shipped);
        assertThat(checkNewVersion("invoice-payout", shipped, cancel, false)).isEmpty();
    }

    /** The process as a new version of the one deployed (with its approval form, bound by deployment). */
    private List<Violation> checkNewVersion(String processKey, String deployed, String diagram, boolean release) {
        Map<String, byte[]> deployment = new LinkedHashMap<>();
        deployment.put(processKey + ".bpmn", bytes(diagram));
        deployment.put("invoice-payout-approval.form", bytes(resource("/invoice-payout-approval.form")));
        return rules.check(deployment, key -> true, key -> processKey.equals(key) ? bytes(deployed) : null, release);
    }

    /** A user task whose input parameter holds the expression (the element Task_X). */
    private static String input(String expression) {
        return bpmnWithTask("p", """
                <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="x">%s</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>FLOWS</bpmn:userTask>"""
                .formatted(expression));
    }

    /** A gateway whose outgoing flow Flow_X has the condition. */
    private static String condition(String expression) {
        return bpmn("p", """
                <bpmn:startEvent id="Start" /><bpmn:endEvent id="End" />
                <bpmn:sequenceFlow id="Flow_X" sourceRef="Start" targetRef="End">
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression></bpmn:sequenceFlow>"""
                .formatted(expression));
    }

    private List<Violation> check(String name, String content) {
        return rules.check(Map.of(name, bytes(content)), key -> false);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
