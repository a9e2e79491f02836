package dk.kk.ks.flow.platform.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The steps that move money stay as KS Flow ships them. A connector that moves money (Connector.Effect.MOVES_MONEY:
 * Opus Debitor's register and release, Opus Økonomi's journal and settlement, Opus Løn's one-off payment, the card
 * issuer's order) does whatever its inputs say; the approver of a case sees the case's variables. So:
 * <ol>
 * <li>such a step is only in the process of one of KS Flow's case types (whose intake, approvals and four eyes come
 * with it), never in a process of the process owner's own (a timer that pays a literal amount, say);</li>
 * <li>a process owner's new version of a case type's process keeps every such step of the latest deployed version:
 * the same id, the same connector and the same input and output parameters (a literal amount or another debtor
 * than the approver saw is refused, and so is an added or removed money step). Name, template version and the
 * step's place in the drawing may change.</li>
 * </ol>
 * The rule is for process owners' deployments (every call to /engine-rest runs as its user). The application's own
 * deployment (no authenticated user: processes/ at start, a KS Flow release, reviewed as code) is exempt: a release
 * may change these inputs (a new template version, a delegate that became a connector), and KS Flow's own tests
 * deploy one-step processes that run a money connector.
 */
final class MoneySteps {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> ENGINE_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");

    private final ExpressionBeans beans;
    private final Supplier<Set<String>> caseTypeProcessKeys;

    MoneySteps(ExpressionBeans beans, Supplier<Set<String>> caseTypeProcessKeys) {
        this.beans = beans;
        this.caseTypeProcessKeys = caseTypeProcessKeys;
    }

    /**
     * @param previous the latest deployed version of a process key as XML, or null when there is none
     * @param release whether this is the application's own deployment (a KS Flow release): not checked
     */
    void check(String resource, Document diagram, Function<String, Document> previous, boolean release, List<Violation> violations) {
        NodeList processes = diagram.getElementsByTagNameNS(BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element process = (Element) processes.item(i);
            String processId = process.getAttribute("id");
            Map<String, Step> now = steps(process);
            if (release) {
                continue;
            }
            Set<String> caseTypes = caseTypeProcessKeys.get();
            if (!caseTypes.contains(processId)) {
                now.forEach((id, step) -> violations.add(new Violation(resource, id, Rule.MONEY_STEPS, "trinnet bruger " + step.connector()
                        + ", der flytter penge; det må kun ligge i processen for en af KS Flows sagstyper " + new TreeSet<>(caseTypes)
                        + ", hvor sagen er modtaget og godkendt, ikke i processen '" + processId + "'")));
                continue;
            }
            Document before = previous.apply(processId);
            if (before == null) {
                continue; // the first version of a case type's process (the shipped diagram) sets its money steps
            }
            Map<String, Step> kept = stepsOf(before, processId);
            now.forEach((id, step) -> {
                Step was = kept.get(id);
                if (was == null) {
                    violations.add(new Violation(resource, id, Rule.MONEY_STEPS, "trinnet bruger " + step.connector()
                            + ", der flytter penge, men er ikke med i den udrullede version; et nyt trin, der flytter penge, kommer med en "
                            + "ny udgave af KS Flow"));
                } else if (!was.connector().equals(step.connector())) {
                    violations.add(new Violation(resource, id, Rule.MONEY_STEPS, "trinnet bruger " + was.connector()
                            + " i den udrullede version, ikke " + step.connector() + "; et trin, der flytter penge, beholder sin connector"));
                } else if (!was.parameters().equals(step.parameters())) {
                    violations.add(new Violation(resource, id, Rule.MONEY_STEPS, "trinnet flytter penge (" + step.connector()
                            + "), og dets parametre " + changed(was.parameters(), step.parameters()) + " er ændret i forhold til den "
                            + "udrullede version; de skal være uændrede (fx ${amount} og ${debtorNumber}, som godkenderen ser), "
                            + "så trinnet betaler det, sagen er godkendt til"));
                }
            });
            kept.forEach((id, step) -> {
                if (!now.containsKey(id)) {
                    violations.add(new Violation(resource, id, Rule.MONEY_STEPS, "trinnet " + id + " flytter penge (" + step.connector()
                            + ") i den udrullede version; det skal blive i processen med samme id, samme connector og samme parametre"));
                }
            });
        }
    }

    /** A money step: its connector's bean name and its input and output parameters. */
    private record Step(String connector, Set<Parameter> parameters) {
    }

    /** An input or output parameter (kind inputParameter or outputParameter), its value in a canonical form. */
    private record Parameter(String kind, String name, String value) {
    }

    private Map<String, Step> stepsOf(Document diagram, String processId) {
        NodeList processes = diagram.getElementsByTagNameNS(BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element process = (Element) processes.item(i);
            if (processId.equals(process.getAttribute("id"))) {
                return steps(process);
            }
        }
        return Map.of();
    }

    /**
     * Every element of the process that binds a money connector by a delegate expression (a task, or a message event
     * through its event definition), by the id of the task or event.
     */
    private Map<String, Step> steps(Element process) {
        Map<String, Step> steps = new LinkedHashMap<>();
        NodeList elements = process.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            for (String expression : delegateExpressions(element)) {
                Matcher bean = BEAN_REFERENCE.matcher(expression);
                if (bean.matches() && beans.movesMoney(bean.group(1))) {
                    Element step = element.getLocalName().endsWith("EventDefinition") ? (Element) element.getParentNode() : element;
                    steps.put(step.getAttribute("id"), new Step(bean.group(1), parameters(step)));
                }
            }
        }
        return steps;
    }

    private static List<String> delegateExpressions(Element element) {
        List<String> expressions = new ArrayList<>();
        if (element.hasAttribute("delegateExpression")) {
            expressions.add(element.getAttribute("delegateExpression"));
        }
        for (String namespace : ENGINE_NAMESPACES) {
            if (element.hasAttributeNS(namespace, "delegateExpression")) {
                expressions.add(element.getAttributeNS(namespace, "delegateExpression"));
            }
        }
        return expressions;
    }

    /** The step's own input and output parameters (extensionElements/inputOutput), each with its value in a canonical form. */
    private static Set<Parameter> parameters(Element step) {
        Set<Parameter> parameters = new HashSet<>();
        for (Element extensions : children(step, "extensionElements")) {
            for (Element inputOutput : children(extensions, "inputOutput")) {
                for (Element parameter : children(inputOutput, null)) {
                    parameters.add(new Parameter(parameter.getLocalName(), parameter.getAttribute("name"), content(parameter)));
                }
            }
        }
        return parameters;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                children.add(element);
            }
        }
        return children;
    }

    /** An element's content: its text (whitespace collapsed), or its elements with their attributes (a list, a map, a script). */
    private static String content(Element element) {
        StringBuilder content = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                content.append('<').append(nested.getLocalName());
                NamedNodeMap attributes = nested.getAttributes();
                Set<String> sorted = new TreeSet<>();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                        sorted.add(attribute.getLocalName() + "=\"" + attribute.getValue() + "\"");
                    }
                }
                sorted.forEach(attribute -> content.append(' ').append(attribute));
                content.append('>').append(content(nested)).append("</>");
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                content.append(child.getNodeValue());
            }
        }
        return content.toString().strip().replaceAll("\\s+", " ");
    }

    /** The names of the parameters that were added, removed or changed, e.g. [amount]. */
    private static Set<String> changed(Set<Parameter> before, Set<Parameter> now) {
        Set<String> names = new TreeSet<>();
        before.stream().filter(parameter -> !now.contains(parameter)).forEach(parameter -> names.add(parameter.name()));
        now.stream().filter(parameter -> !before.contains(parameter)).forEach(parameter -> names.add(parameter.name()));
        return names;
    }
}
