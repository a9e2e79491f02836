package dk.kk.ks.flow.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.CaseTypes;

/**
 * The one rule set every deployment keeps, whoever deploys and however (Camunda Modeler through the REST API,
 * the application's deployment of processes/ at start, the Java API): the engine runs it on every new deployment
 * ({@link DeploymentCheck}), and DiagramLintTest runs it on every shipped file. See {@link Rule} for the rules.
 */
@Component
public class DeploymentRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BpmnRules bpmn;
    private final KeptControls keptControls;
    private final MoneySteps moneySteps;
    private final DmnRules dmn = new DmnRules();

    /**
     * @param caseTypes KS Flow's case types, whose processes alone may move money (looked up when a deployment is checked:
     *        the engine, and with it this check, is made before the case types)
     */
    public DeploymentRules(ExpressionBeans beans, ObjectProvider<CaseTypes> caseTypes) {
        this.bpmn = new BpmnRules(beans, new JuelCheck(beans));
        this.keptControls = new KeptControls(beans);
        this.moneySteps = new MoneySteps(beans, () -> caseTypes.getObject().all().stream().map(CaseType::processKey)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Every broken rule of the deployment's resources; empty when it may be deployed.
     *
     * @param resources the deployment's files: name and content
     * @param formDeployed whether a form with that id is deployed already (a user task may use it with the binding
     *        latest or version; with the binding deployment the form must be in the same deployment)
     */
    public List<Violation> check(Map<String, byte[]> resources, Predicate<String> formDeployed) {
        return check(resources, formDeployed, processKey -> null);
    }

    /**
     * As {@link #check(Map, Predicate)}, and a process that is deployed already keeps the checked steps of its latest
     * version ({@link KeptControls}) and its steps that move money ({@link MoneySteps}), as a process owner's deployment.
     *
     * @param latestDeployed the latest deployed version of a process key, as the file's bytes, or null
     */
    public List<Violation> check(Map<String, byte[]> resources, Predicate<String> formDeployed, Function<String, byte[]> latestDeployed) {
        return check(resources, formDeployed, latestDeployed, false);
    }

    /**
     * As {@link #check(Map, Predicate, Function)}.
     *
     * @param release whether this is the application's own deployment of its processes (a KS Flow release, no
     *        authenticated user): it may change the inputs of the steps that move money; a process owner's may not
     */
    public List<Violation> check(Map<String, byte[]> resources, Predicate<String> formDeployed, Function<String, byte[]> latestDeployed,
            boolean release) {
        List<Violation> violations = new ArrayList<>();
        Set<String> forms = new HashSet<>();
        resources.forEach((name, content) -> {
            if (kind(name) == Kind.FORM) {
                form(name, content, forms, violations);
            }
        });
        resources.forEach((name, content) -> {
            switch (kind(name)) {
                case BPMN -> {
                    Document diagram = xml(name, content, violations);
                    if (diagram != null) {
                        bpmn.check(name, diagram, forms::contains, formDeployed, violations);
                        Function<String, Document> previous = key -> {
                            byte[] bytes = latestDeployed.apply(key);
                            return bytes == null ? null : xml(name, bytes, new ArrayList<>());
                        };
                        keptControls.check(name, diagram, previous, violations);
                        moneySteps.check(name, diagram, previous, release, violations);
                    }
                }
                case DMN -> {
                    Document table = xml(name, content, violations);
                    if (table != null) {
                        dmn.check(name, table, violations);
                    }
                }
                case FORM -> { }
                case OTHER -> violations.add(new Violation(name, null, Rule.RESOURCE_TYPE,
                        "kun BPMN-diagrammer (.bpmn), beslutningstabeller (.dmn) og formularer (.form) kan deployes"));
            }
        });
        return violations;
    }

    private enum Kind { BPMN, DMN, FORM, OTHER }

    private static Kind kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return Kind.BPMN;
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return Kind.DMN;
        }
        return lower.endsWith(".form") ? Kind.FORM : Kind.OTHER;
    }

    private static void form(String name, byte[] content, Set<String> forms, List<Violation> violations) {
        try {
            JsonNode id = JSON.readTree(content).path("id");
            if (id.isTextual() && !id.asText().isBlank()) {
                forms.add(id.asText());
                return;
            }
        } catch (IOException unreadable) {
            // reported below
        }
        violations.add(new Violation(name, null, Rule.READABLE, "formularen kan ikke læses eller har intet id"));
    }

    /** The file as XML; a DOCTYPE (entities that could read files or make the engine read the file differently) is refused. */
    private static Document xml(String name, byte[] content, List<Violation> violations) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            violations.add(new Violation(name, null, Rule.READABLE, "filen kan ikke læses som XML (uden DOCTYPE): " + unreadable.getMessage()));
            return null;
        }
    }

    /** An expression as quoted in a message, cut at 120 characters. */
    static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return "«" + (oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine) + "»";
    }
}
