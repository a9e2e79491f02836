package dk.kk.ks.flow.platform.deployment;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The rules of a BPMN diagram, on its XML as the engine reads it: every element and attribute is looked at, by
 * local name whatever namespace prefix it uses (the engine also reads the legacy activiti namespace), so nothing
 * the engine would execute is skipped. Texts and attributes holding {@code ${...}} or {@code #{...}} are checked
 * as expressions; the documentation and the diagram's layout are not executed and not checked.
 */
final class BpmnRules {

    private static final Set<String> ENGINE_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final Set<String> NOT_EXECUTED = Set.of("documentation", "textAnnotation", "BPMNDiagram");
    private static final Set<String> DELEGATING_TASKS = Set.of("serviceTask", "sendTask", "businessRuleTask");
    /** A delegate expression names a bean and nothing else: ${name}. */
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");

    private final ExpressionBeans beans;
    private final JuelCheck juel;

    BpmnRules(ExpressionBeans beans, JuelCheck juel) {
        this.beans = beans;
        this.juel = juel;
    }

    /**
     * @param formInDeployment whether a form with that id is in the same deployment
     * @param formDeployed whether a form with that id is deployed already (for the bindings latest and version)
     */
    void check(String resource, Document diagram, Predicate<String> formInDeployment, Predicate<String> formDeployed,
            List<Violation> violations) {
        new Walk(resource, formInDeployment, formDeployed, violations).element(diagram.getDocumentElement(), null);
    }

    private final class Walk {

        private final String resource;
        private final Predicate<String> formInDeployment;
        private final Predicate<String> formDeployed;
        private final List<Violation> violations;

        Walk(String resource, Predicate<String> formInDeployment, Predicate<String> formDeployed, List<Violation> violations) {
            this.resource = resource;
            this.formInDeployment = formInDeployment;
            this.formDeployed = formDeployed;
            this.violations = violations;
        }

        void element(Element element, String parentId) {
            String local = element.getLocalName();
            if (NOT_EXECUTED.contains(local)) {
                return;
            }
            String id = element.hasAttribute("id") ? element.getAttribute("id") : parentId;
            boolean engineElement = ENGINE_NAMESPACES.contains(element.getNamespaceURI());
            switch (local) {
                case "process" -> process(element, id);
                case "scriptTask" -> add(id, Rule.NO_SCRIPTS, "script-opgaver er ikke tilladt");
                case "script" -> {
                    if (!"scriptTask".equals(((Element) element.getParentNode()).getLocalName())) {
                        add(id, Rule.NO_SCRIPTS, "scripts er ikke tilladt (camunda:script)");
                    }
                }
                case "userTask" -> userTask(element, id);
                default -> {
                    if (engineElement && "field".equals(local)) {
                        add(id, Rule.NO_FIELD_INJECTION, "camunda:field er ikke tilladt: det ville ændre applikationens fælles delegates");
                    } else if (engineElement && ("formData".equals(local) || "formProperty".equals(local))) {
                        // Generated forms can name Java classes (a field validator's config): Camunda Forms only.
                        add(id, Rule.FORMS, "camunda:" + local + " er ikke tilladt; brug en Camunda-formular (camunda:formRef)");
                    } else if (engineElement && "connector".equals(local)) {
                        add(id, Rule.KNOWN_DELEGATES, "camunda:connector er ikke tilladt; brug en af applikationens connectors");
                    } else if (DELEGATING_TASKS.contains(local)) {
                        task(element, id);
                    }
                }
            }
            attributes(element, id);
            text(element, id);
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element childElement) {
                    element(childElement, id);
                }
            }
        }

        private void process(Element process, String id) {
            String retention = HistoryRetention.problem(engineAttribute(process, "historyTimeToLive"), "processen");
            if (!"false".equals(process.getAttribute("isExecutable")) && retention != null) {
                add(id, Rule.HISTORY_TIME_TO_LIVE, retention);
            }
        }

        private void userTask(Element task, String id) {
            String form = engineAttribute(task, "formRef");
            if (form == null || isExpression(form)) {
                return;
            }
            boolean byDeployment = "deployment".equals(engineAttribute(task, "formRefBinding"));
            if (!formInDeployment.test(form) && (byDeployment || !formDeployed.test(form))) {
                add(id, Rule.FORMS, "formularen '" + form + "' findes ikke"
                        + (byDeployment ? " i deploymentet; deploy formularen (" + form + ".form) sammen med diagrammet" : ""));
            }
        }

        private void task(Element task, String id) {
            if ("businessRuleTask".equals(task.getLocalName()) && engineAttribute(task, "decisionRef") != null) {
                return; // a decision table, checked as DMN
            }
            String type = engineAttribute(task, "type");
            if (type != null) {
                if (!"external".equals(type)) {
                    add(id, Rule.KNOWN_DELEGATES, "camunda:type=\"" + type + "\" er ikke tilladt");
                } else if (engineAttribute(task, "topic") == null || !engineAttribute(task, "topic").startsWith("robot-")) {
                    add(id, Rule.ROBOT_TOPIC, "en ekstern opgave er en robots arbejde og skal have emnet robot-<navn> (camunda:topic)");
                }
                return;
            }
            String delegate = engineAttribute(task, "delegateExpression");
            if (delegate == null) {
                if (engineAttribute(task, "class") == null) {
                    add(id, Rule.KNOWN_DELEGATES, "bruger ikke camunda:delegateExpression med en af applikationens delegates");
                }
                return;
            }
            Matcher bean = BEAN_REFERENCE.matcher(delegate);
            if (bean.matches() && beans.isDelegate(bean.group(1), JavaDelegate.class) && beans.writes(bean.group(1))
                    && !"true".equals(engineAttribute(task, "asyncBefore")) && !"true".equals(engineAttribute(task, "async"))) {
                add(id, Rule.ASYNC_WRITES, "skriver til et eksternt system, men er ikke asynkron før (camunda:asyncBefore)");
            }
        }

        private void attributes(Element element, String id) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                    continue;
                }
                String name = attribute.getLocalName();
                String value = attribute.getValue();
                if ("class".equals(name) || name.endsWith("Class")) {
                    add(id, Rule.NO_JAVA_CLASSES, "camunda:" + name + " er ikke tilladt; brug camunda:delegateExpression med en af applikationens delegates");
                } else if ("resource".equals(name)) {
                    add(id, Rule.NO_SCRIPTS, "eksterne scripts (camunda:resource) er ikke tilladt");
                } else if ("language".equals(name) || "scriptFormat".equals(name)) {
                    add(id, Rule.NO_SCRIPTS, "scripts og script-betingelser (" + name + "=\"" + value + "\") er ikke tilladt");
                } else if ("formKey".equals(name)) {
                    add(id, Rule.FORMS, "camunda:formKey er ikke tilladt; brug en Camunda-formular (camunda:formRef)");
                } else if ("delegateExpression".equals(name)) {
                    delegateExpression(element, id, value);
                } else if (isExpression(value)) {
                    expression(id, value);
                }
            }
        }

        private void delegateExpression(Element element, String id, String value) {
            Class<?> kind = switch (element.getLocalName()) {
                case "taskListener" -> TaskListener.class;
                case "executionListener" -> ExecutionListener.class;
                default -> JavaDelegate.class;
            };
            Matcher bean = BEAN_REFERENCE.matcher(value);
            if (!bean.matches()) {
                add(id, Rule.KNOWN_DELEGATES, "camunda:delegateExpression skal være ${navn} på en af applikationens delegates, ikke "
                        + DeploymentRules.shorten(value));
            } else if (!beans.isDelegate(bean.group(1), kind)) {
                add(id, Rule.KNOWN_DELEGATES, "binder ingen kendt " + (kind == JavaDelegate.class ? "delegate" : kind.getSimpleName())
                        + ": " + bean.group(1));
            }
        }

        private void text(Element element, String id) {
            if ("script".equals(element.getLocalName())) {
                return; // refused as a whole
            }
            StringBuilder text = new StringBuilder();
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    text.append(child.getNodeValue());
                }
            }
            if (isExpression(text.toString())) {
                expression(id, text.toString().strip());
            }
        }

        private void expression(String id, String expression) {
            List<String> problems = juel.problems(expression);
            if (!problems.isEmpty()) {
                add(id, Rule.EXPRESSIONS, "udtrykket " + DeploymentRules.shorten(expression) + ": " + String.join(", ", problems));
            }
        }

        private void add(String id, Rule rule, String problem) {
            violations.add(new Violation(resource, id, rule, problem));
        }
    }

    /** The attribute in the camunda (or legacy activiti) namespace, or null. */
    private static String engineAttribute(Element element, String name) {
        for (String namespace : ENGINE_NAMESPACES) {
            if (element.hasAttributeNS(namespace, name)) {
                return element.getAttributeNS(namespace, name);
            }
        }
        return null;
    }

    static boolean isExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
