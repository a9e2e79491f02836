package dk.kk.ks.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import dk.kk.ks.flow.connectors.Connector;
import dk.kk.ks.flow.support.ProcessTestCase;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Diagrams are for people (DESIGN.md): every diagram in processes/ opens in Camunda Modeler as a complete
 * left-to-right picture, and keeps the engine conventions (checked against the application's beans). Checked for
 * every BPMN and DMN file; each convention's failure is shown once with a deliberately broken model.
 */
class DiagramLintTest extends ProcessTestCase {

    @Autowired
    ApplicationContext context;

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
    void processesFollowTheEngineConventions(Path file) {
        assertThat(conventionProblems(Bpmn.readModelFromFile(file.toFile()), context)).as(file.toString()).isEmpty();
    }

    @Test
    void aServiceTaskBindingAnUnknownBeanFails() {
        BpmnModelInstance model = broken().serviceTask("Task_X").name("Ukendt").camundaDelegateExpression("${noSuchDelegate}")
                .endEvent("End").name("Slut").done();
        assertThat(conventionProblems(model, context)).containsExactly("Task_X binds no known delegate bean: noSuchDelegate");
    }

    @Test
    void aUserTaskWithoutAFormFails() {
        BpmnModelInstance model = broken().userTask("Task_X").name("Uden formular").endEvent("End").name("Slut").done();
        assertThat(conventionProblems(model, context)).containsExactly("Task_X has no form bound by deployment");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveFails() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("broken").startEvent("Start").name("Start")
                .endEvent("End").name("Slut").done();
        model.<Process>getModelElementById("broken").setCamundaHistoryTimeToLiveString(null); // the builder sets a default
        assertThat(conventionProblems(model, context)).containsExactly("broken has no history time to live");
    }

    @Test
    void aWritingConnectorWithoutAsyncBeforeFails() {
        BpmnModelInstance model = broken().serviceTask("Task_X").name("Opdater ServiceNow")
                .camundaDelegateExpression("${serviceNowUpdateConnector}").endEvent("End").name("Slut").done();
        assertThat(conventionProblems(model, context)).containsExactly("Task_X writes to an external system but is not asyncBefore");
    }

    @Test
    void anExternalTaskNeedsARobotTopic() {
        BpmnModelInstance robot = broken().serviceTask("Task_X").name("Robot").camundaExternalTask("robot-feriepengeafregning")
                .endEvent("End").name("Slut").done();
        BpmnModelInstance model = broken().serviceTask("Task_X").name("Robot").camundaExternalTask("feriepenge")
                .endEvent("End").name("Slut").done();
        assertThat(conventionProblems(robot, context)).isEmpty();
        assertThat(conventionProblems(model, context)).containsExactly("Task_X is an external task without a robot-<name> topic");
    }

    private static org.camunda.bpm.model.bpmn.builder.StartEventBuilder broken() {
        return Bpmn.createExecutableProcess("broken").camundaHistoryTimeToLive(30).startEvent("Start").name("Start");
    }

    /**
     * The engine conventions: a history time to live on every process, every service task binding a known
     * delegate bean by delegate expression (or, for a desktop robot, an external task with a robot-<name> topic), every task that writes to an external system (a writing
     * connector) after an async continuation, every user task with a form that forms/ has, every node named.
     */
    static List<String> conventionProblems(BpmnModelInstance model, ApplicationContext context) {
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(process.getId() + " has no history time to live");
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if ("external".equals(task.getCamundaType())) { // a desktop robot's work: one topic per robot (RobotWorker)
                if (task.getCamundaTopic() == null || !task.getCamundaTopic().startsWith("robot-")) {
                    problems.add(task.getId() + " is an external task without a robot-<name> topic");
                }
                continue;
            }
            String expression = task.getCamundaDelegateExpression();
            if (task.getCamundaClass() != null || expression == null) {
                problems.add(task.getId() + " does not use camunda:delegateExpression");
                continue;
            }
            String bean = expression.replaceAll("^\\$\\{(.*)}$", "$1");
            if (!context.containsBean(bean) || !(context.getBean(bean) instanceof JavaDelegate)) {
                problems.add(task.getId() + " binds no known delegate bean: " + bean);
            } else if (context.getBean(bean) instanceof Connector connector && connector.writes() && !task.isCamundaAsyncBefore()) {
                problems.add(task.getId() + " writes to an external system but is not asyncBefore");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() == null || !"deployment".equals(task.getCamundaFormRefBinding())) {
                problems.add(task.getId() + " has no form bound by deployment");
            } else if (!Files.exists(Path.of("forms", task.getCamundaFormRef() + ".form"))) {
                problems.add(task.getId() + " refers to a form that forms/ does not have: " + task.getCamundaFormRef());
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node.getName() == null && !(node instanceof Gateway)) {
                problems.add(node.getId() + " has no name");
            }
        }
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnFiles")
    void everyDecisionHasAShapeAndAHistoryTimeToLive(Path file) throws Exception {
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
            assertThat(decision.getAttributeNS("http://camunda.org/schema/1.0/dmn", "historyTimeToLive"))
                    .as(file + ": history time to live of " + decision.getAttribute("id")).isNotBlank();
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
