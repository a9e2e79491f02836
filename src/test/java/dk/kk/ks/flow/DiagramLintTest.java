package dk.kk.ks.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import dk.kk.ks.flow.platform.deployment.DeploymentRules;
import dk.kk.ks.flow.platform.deployment.Violation;
import dk.kk.ks.flow.support.ProcessTestCase;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Diagrams are for people (CONTRIBUTING.md): every diagram in processes/ opens in Camunda Modeler as a complete
 * left-to-right picture, and keeps the rules the engine checks every deployment against (DeploymentRules, with the
 * application's beans) and the conventions of the shipped diagrams. Checked for every BPMN and DMN file; each
 * convention's failure is shown once with a deliberately broken model (DeploymentRulesTest shows the other rules').
 */
class DiagramLintTest extends ProcessTestCase {

    @Autowired
    DeploymentRules rules;

    private static final Path PROCESSES = Path.of("processes");

    static Stream<Path> bpmnFiles() throws IOException {
        return files(".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files(".dmn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyNodeHasAShapeEveryFlowAnEdgeAndEveryEdgeJoinsItsShapes(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, Bounds> shapes = new HashMap<>();
        Set<String> labelled = new HashSet<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                labelled.add(shape.getBpmnElement().getId());
            }
        }
        Map<String, List<Waypoint>> edges = new HashMap<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            edges.put(edge.getBpmnElement().getId(), new ArrayList<>(edge.getWaypoints()));
        }
        List<String> problems = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.containsKey(node.getId())) {
                problems.add("no shape for " + node.getId());
            } else if ((node instanceof Event || node instanceof Gateway) && node.getName() != null && !labelled.contains(node.getId())) {
                problems.add("no label for " + node.getId());
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            List<Waypoint> waypoints = edges.get(flow.getId());
            if (waypoints == null || waypoints.size() < 2) {
                problems.add("no edge for " + flow.getId());
                continue;
            }
            Bounds source = shapes.get(flow.getSource().getId());
            Bounds target = shapes.get(flow.getTarget().getId());
            if (source != null && !touches(source, waypoints.get(0))) {
                problems.add(flow.getId() + " does not start at " + flow.getSource().getId());
            }
            if (target != null && !touches(target, waypoints.get(waypoints.size() - 1))) {
                problems.add(flow.getId() + " does not end at " + flow.getTarget().getId());
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (!(start.getParentElement() instanceof Process)) {
                continue; // the start event of an embedded subprocess is inside it, not at the left of the diagram
            }
            double x = shapes.get(start.getId()).getX();
            assertThat(shapes.values()).as("left to right: the start event is leftmost").allMatch(bounds -> bounds.getX() >= x);
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void processesKeepTheDeploymentRulesAndTheConventions(Path file) throws IOException {
        assertThat(problems(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnFiles")
    void decisionTablesKeepTheDeploymentRules(Path file) throws IOException {
        assertThat(problems(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
    }

    @Test
    void theApplicationsOwnDeploymentKeepsTheRules() throws IOException {
        Map<String, byte[]> deployment = new LinkedHashMap<>(forms());
        for (Path file : Stream.concat(bpmnFiles(), dmnFiles()).toList()) {
            deployment.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        assertThat(rules.check(deployment, key -> false)).isEmpty();
    }

    @Test
    void aServiceTaskBindingAnUnknownBeanFails() {
        BpmnModelInstance model = broken().serviceTask("Task_X").name("Ukendt").camundaDelegateExpression("${noSuchDelegate}")
                .endEvent("End").name("Slut").done();
        assertThat(problems(model)).containsExactly("Task_X KNOWN_DELEGATES: binder ingen kendt delegate: noSuchDelegate");
    }

    @Test
    void aUserTaskWithoutAFormFails() {
        BpmnModelInstance model = broken().userTask("Task_X").name("Uden formular").endEvent("End").name("Slut").done();
        assertThat(problems(model)).containsExactly("Task_X has no form bound by deployment");
    }

    @Test
    void aUserTaskWithAFormThatFormsDoesNotHaveFails() {
        BpmnModelInstance model = broken().userTask("Task_X").name("Ukendt formular").camundaFormRef("no-such-form")
                .camundaFormRefBinding("deployment").endEvent("End").name("Slut").done();
        assertThat(problems(model)).containsExactly("Task_X FORMS: formularen 'no-such-form' findes ikke i deploymentet; "
                + "deploy formularen (no-such-form.form) sammen med diagrammet");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveFails() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("broken").startEvent("Start").name("Start")
                .endEvent("End").name("Slut").done();
        model.<Process>getModelElementById("broken").setCamundaHistoryTimeToLiveString(null); // the builder sets a default
        assertThat(problems(model)).containsExactly("broken HISTORY_TIME_TO_LIVE: processen har ingen historiklevetid (camunda:historyTimeToLive)");
    }

    @Test
    void aWritingConnectorWithoutAsyncBeforeFails() {
        BpmnModelInstance model = broken().serviceTask("Task_X").name("Opdater ServiceNow")
                .camundaDelegateExpression("${serviceNowUpdateConnector}").endEvent("End").name("Slut").done();
        assertThat(problems(model)).containsExactly("Task_X ASYNC_WRITES: skriver til et eksternt system, men er ikke asynkron før (camunda:asyncBefore)");
    }

    @Test
    void anExternalTaskNeedsARobotTopic() {
        BpmnModelInstance robot = broken().serviceTask("Task_X").name("Robot").camundaExternalTask("robot-feriepengeafregning")
                .endEvent("End").name("Slut").done();
        BpmnModelInstance model = broken().serviceTask("Task_X").name("Robot").camundaExternalTask("feriepenge")
                .endEvent("End").name("Slut").done();
        assertThat(problems(robot)).isEmpty();
        assertThat(problems(model)).containsExactly(
                "Task_X ROBOT_TOPIC: en ekstern opgave er en robots arbejde og skal have emnet robot-<navn> (camunda:topic)");
    }

    private static org.camunda.bpm.model.bpmn.builder.StartEventBuilder broken() {
        return Bpmn.createExecutableProcess("broken").camundaHistoryTimeToLive(30).startEvent("Start").name("Start");
    }

    private List<String> problems(BpmnModelInstance model) {
        return problems("broken.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The deployment rules, as the engine checks every deployment (DeploymentRules: known delegates and connectors, forms
     * that exist, history time to live, asynchronous writes, no scripts or Java classes, safe expressions), with forms/
     * deployed alongside as the application does; and, for the shipped diagrams only, the conventions: every node named,
     * every user task with a form bound by deployment.
     */
    private List<String> problems(String name, byte[] content) {
        Map<String, byte[]> deployment = new LinkedHashMap<>(forms());
        deployment.put(name, content);
        List<String> problems = new ArrayList<>();
        for (Violation violation : rules.check(deployment, key -> false)) {
            problems.add(violation.elementId() + " " + violation.rule() + ": " + violation.problem());
        }
        if (name.endsWith(".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() == null || !"deployment".equals(task.getCamundaFormRefBinding())) {
                    problems.add(task.getId() + " has no form bound by deployment");
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node.getName() == null && !(node instanceof Gateway)) {
                    problems.add(node.getId() + " has no name");
                }
            }
        }
        return problems;
    }

    private static Map<String, byte[]> forms() {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(Path.of("forms"))) {
            for (Path form : listing.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
                forms.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forms;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnFiles")
    void everyDecisionHasAShape(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dmn = factory.newDocumentBuilder().parse(file.toFile());
        Set<String> shaped = new HashSet<>();
        NodeList shapes = dmn.getElementsByTagNameNS("*", "DMNShape");
        for (int i = 0; i < shapes.getLength(); i++) {
            shaped.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
        }
        NodeList decisions = dmn.getElementsByTagNameNS("*", "decision");
        assertThat(decisions.getLength()).isPositive();
        for (int i = 0; i < decisions.getLength(); i++) {
            Element decision = (Element) decisions.item(i);
            assertThat(shaped).as(file + ": a shape for " + decision.getAttribute("id")).contains(decision.getAttribute("id"));
        }
    }

    /** A waypoint on or inside the shape's bounds (2 px tolerance). */
    private static boolean touches(Bounds bounds, Waypoint point) {
        return point.getX() >= bounds.getX() - 2 && point.getX() <= bounds.getX() + bounds.getWidth() + 2
                && point.getY() >= bounds.getY() - 2 && point.getY() <= bounds.getY() + bounds.getHeight() + 2;
    }

    private static Stream<Path> files(String extension) throws IOException {
        try (Stream<Path> listing = Files.list(PROCESSES)) {
            Collection<Path> found = listing.filter(path -> path.toString().endsWith(extension)).sorted().toList();
            return found.stream();
        }
    }
}
