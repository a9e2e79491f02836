package dk.kk.ks.flow.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * Every element template in processes/.camunda/element-templates/ against the code: the structure the
 * Camunda 7 element-templates schema requires, a hidden delegate expression naming a connector bean that
 * exists, exactly the inputs that connector reads, every required input marked required, and an asynchronous
 * boundary (asyncBefore for writes). Every connector bean has a template, and every service task of a shipped
 * diagram that uses a connector is what Camunda Modeler makes of its template.
 */
class ElementTemplatesTest extends ProcessTestCase {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationContext context;

    @Test
    void everyTemplateMatchesItsConnector() throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode template : templates()) {
            problems.addAll(check(template, context));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyConnectorHasATemplate() throws IOException {
        Set<String> bound = new LinkedHashSet<>();
        for (JsonNode template : templates()) {
            bound.add(delegateBean(template));
        }
        assertThat(bound).containsExactlyInAnyOrder(context.getBeanNamesForType(Connector.class));
    }

    @Test
    void aTemplateThatNamesAMissingBeanFails() throws IOException {
        JsonNode template = JSON.readTree("""
                {"$schema": "%s", "name": "Findes ikke", "id": "x.missing", "appliesTo": ["bpmn:ServiceTask"],
                 "properties": [{"type": "Hidden", "value": "${noSuchConnector}",
                                 "binding": {"type": "property", "name": "camunda:delegateExpression"}}]}
                """.formatted(SCHEMA));
        assertThat(check(template, context)).containsExactly("x.missing: no connector bean noSuchConnector");
    }

    @Test
    void aTemplateThatLeavesARequiredInputUnboundFails() throws IOException {
        JsonNode template = JSON.readTree("""
                {"$schema": "%s", "name": "Mangler input", "id": "x.unbound", "appliesTo": ["bpmn:ServiceTask"],
                 "properties": [{"type": "Hidden", "value": "${serviceNowUpdateConnector}",
                                 "binding": {"type": "property", "name": "camunda:delegateExpression"}},
                                {"type": "Hidden", "value": true, "binding": {"type": "property", "name": "camunda:asyncBefore"}},
                                {"label": "Sagsnummer", "type": "String", "constraints": {"notEmpty": true},
                                 "binding": {"type": "camunda:inputParameter", "name": "number"}},
                                {"label": "Tilstand", "type": "String",
                                 "binding": {"type": "camunda:inputParameter", "name": "state"}},
                                {"label": "Ukendt", "type": "String",
                                 "binding": {"type": "camunda:inputParameter", "name": "colour"}}]}
                """.formatted(SCHEMA));
        assertThat(check(template, context)).containsExactlyInAnyOrder(
                "x.unbound: input colour is not read by serviceNowUpdateConnector",
                "x.unbound: input workNote of serviceNowUpdateConnector is not declared",
                "x.unbound: required input state is not marked notEmpty");
    }

    @Test
    void aWritingTemplateWithoutAsyncBeforeFails() throws IOException {
        JsonNode template = JSON.readTree("""
                {"$schema": "%s", "name": "Synkron", "id": "x.sync", "appliesTo": ["bpmn:ServiceTask"],
                 "properties": [{"type": "Hidden", "value": "${cardIssuerBlockConnector}",
                                 "binding": {"type": "property", "name": "camunda:delegateExpression"}},
                                {"label": "Nr", "type": "String", "constraints": {"notEmpty": true},
                                 "binding": {"type": "camunda:inputParameter", "name": "employeeNumber"}},
                                {"label": "Ref", "type": "String", "constraints": {"notEmpty": true},
                                 "binding": {"type": "camunda:inputParameter", "name": "reference"}},
                                {"label": "Res", "type": "String", "constraints": {"notEmpty": true},
                                 "binding": {"type": "camunda:inputParameter", "name": "resultVariable"}}]}
                """.formatted(SCHEMA));
        assertThat(check(template, context)).containsExactly("x.sync: cardIssuerBlockConnector writes but is not asyncBefore");
    }

    @Test
    void aReadingTemplateWithoutAnAsynchronousBoundaryFails() throws IOException {
        JsonNode template = JSON.readTree("""
                {"$schema": "%s", "name": "Synkron", "id": "x.read", "appliesTo": ["bpmn:ServiceTask"],
                 "properties": [{"type": "Hidden", "value": "${serviceNowReadConnector}",
                                 "binding": {"type": "property", "name": "camunda:delegateExpression"}},
                                {"label": "Nr", "type": "String", "constraints": {"notEmpty": true},
                                 "binding": {"type": "camunda:inputParameter", "name": "number"}},
                                {"label": "Res", "type": "String", "constraints": {"notEmpty": true},
                                 "binding": {"type": "camunda:inputParameter", "name": "resultVariable"}}]}
                """.formatted(SCHEMA));
        assertThat(check(template, context))
                .containsExactly("x.read: sets no asynchronous boundary (camunda:asyncBefore or camunda:asyncAfter)");
    }

    @Test
    void everyConnectorTaskInAShippedDiagramIsWhatModelerMakesOfItsTemplate() throws Exception {
        List<JsonNode> templates = templates();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                problems.addAll(connectorTasks(file.getFileName().toString(), Files.readAllBytes(file), templates, context));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aConnectorTaskThatStraysFromItsTemplateFails() throws Exception {
        String diagram = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
                  <bpmn:process id="p">
                    <bpmn:serviceTask id="Task_Plain" camunda:delegateExpression="${serviceNowReadConnector}"/>
                    <bpmn:serviceTask id="Task_Stray" camunda:modelerTemplate="dk.kk.ks.flow.cardissuer.block"
                        camunda:modelerTemplateVersion="1" camunda:delegateExpression="${cardIssuerBlockConnector}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="employeeNumber">${employeeNumber}</camunda:inputParameter>
                        <camunda:inputParameter name="colour">blå</camunda:inputParameter>
                        <camunda:inputParameter name="resultVariable">kort</camunda:inputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        assertThat(connectorTasks("x.bpmn", diagram.getBytes(java.nio.charset.StandardCharsets.UTF_8), templates(), context))
                .containsExactlyInAnyOrder(
                        "x.bpmn Task_Plain: uses serviceNowReadConnector without its template (camunda:modelerTemplate)",
                        "x.bpmn Task_Stray: camunda:asyncBefore is not true as dk.kk.ks.flow.cardissuer.block binds it",
                        "x.bpmn Task_Stray: input reference is required by dk.kk.ks.flow.cardissuer.block but not set",
                        "x.bpmn Task_Stray: input colour is not a field of dk.kk.ks.flow.cardissuer.block");
    }

    /**
     * The problems of the service tasks of one diagram that use a connector: each names the template it was made
     * from (camunda:modelerTemplate and its version), carries every property the template binds with the template's
     * value (the delegate expression, the asynchronous boundary, hidden inputs), sets every required input, and has
     * no input the template does not offer; a task naming a template uses that template's connector.
     */
    static List<String> connectorTasks(String file, byte[] diagram, List<JsonNode> templates, ApplicationContext context)
            throws Exception {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        templates.forEach(template -> byId.put(template.path("id").asText(), template));
        Set<String> connectors = Set.of(context.getBeanNamesForType(Connector.class));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(diagram));
        List<String> problems = new ArrayList<>();
        NodeList tasks = document.getElementsByTagNameNS(BPMN, "serviceTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            String where = file + " " + task.getAttribute("id") + ": ";
            String bean = task.getAttributeNS(CAMUNDA, "delegateExpression").replaceAll("^\\$\\{(.*)}$", "$1");
            String templateId = task.getAttributeNS(CAMUNDA, "modelerTemplate");
            if (templateId.isEmpty()) {
                if (connectors.contains(bean)) {
                    problems.add(where + "uses " + bean + " without its template (camunda:modelerTemplate)");
                }
                continue;
            }
            JsonNode template = byId.get(templateId);
            if (template == null) {
                problems.add(where + "names the unknown template " + templateId);
                continue;
            }
            String version = template.path("version").asText();
            if (!version.isEmpty() && !version.equals(task.getAttributeNS(CAMUNDA, "modelerTemplateVersion"))) {
                problems.add(where + "is made from version " + task.getAttributeNS(CAMUNDA, "modelerTemplateVersion") + " of "
                        + templateId + ", not from its version " + version);
            }
            Map<String, String> inputs = inputParameters(task);
            Set<String> offered = new LinkedHashSet<>();
            for (JsonNode property : template.path("properties")) {
                String type = property.path("binding").path("type").asText();
                String name = property.path("binding").path("name").asText();
                boolean hidden = "Hidden".equals(property.path("type").asText());
                if ("property".equals(type)) {
                    String attribute = name.replaceFirst("^camunda:", "");
                    String expected = property.path("value").asText();
                    if (!expected.equals(task.getAttributeNS(CAMUNDA, attribute))) {
                        problems.add(where + name + " is not " + expected + " as " + templateId + " binds it");
                    }
                } else if ("camunda:inputParameter".equals(type)) {
                    offered.add(name);
                    String value = inputs.get(name);
                    if (hidden && !property.path("value").asText().equals(value)) {
                        problems.add(where + "input " + name + " is not " + property.path("value").asText() + " as " + templateId + " binds it");
                    } else if (property.path("constraints").path("notEmpty").asBoolean() && (value == null || value.isBlank())) {
                        problems.add(where + "input " + name + " is required by " + templateId + " but not set");
                    }
                }
            }
            for (String name : inputs.keySet()) {
                if (!offered.contains(name)) {
                    problems.add(where + "input " + name + " is not a field of " + templateId);
                }
            }
        }
        return problems;
    }

    private static Map<String, String> inputParameters(Element task) {
        Map<String, String> inputs = new LinkedHashMap<>();
        NodeList parameters = task.getElementsByTagNameNS(CAMUNDA, "inputParameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            inputs.put(parameter.getAttribute("name"), parameter.getTextContent());
        }
        return inputs;
    }

    /** The problems of one template, each as "id: what is wrong". */
    static List<String> check(JsonNode template, ApplicationContext context) {
        List<String> problems = new ArrayList<>();
        String id = template.path("id").asText("(no id)");
        for (String field : List.of("$schema", "name", "id", "appliesTo", "properties")) {
            if (!template.hasNonNull(field)) {
                problems.add(id + ": no " + field);
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!SCHEMA.equals(template.get("$schema").asText())) {
            problems.add(id + ": $schema is not the Camunda element-templates schema");
        }
        if (!template.get("appliesTo").isArray() || template.get("appliesTo").isEmpty()) {
            problems.add(id + ": appliesTo is empty");
        }
        boolean async = false;
        boolean asyncAfter = false;
        Set<String> declared = new LinkedHashSet<>();
        Set<String> markedRequired = new LinkedHashSet<>();
        for (JsonNode property : template.get("properties")) {
            JsonNode binding = property.get("binding");
            if (binding == null || !binding.hasNonNull("type") || !binding.hasNonNull("name")) {
                problems.add(id + ": a property without a binding type and name");
                continue;
            }
            String type = binding.get("type").asText();
            String name = binding.get("name").asText();
            if (!"Hidden".equals(property.path("type").asText()) && !property.hasNonNull("label")) {
                problems.add(id + ": property " + name + " has no label");
            }
            if ("property".equals(type) && "camunda:asyncBefore".equals(name)) {
                async = isTrue(property.path("value"));
            }
            if ("property".equals(type) && "camunda:asyncAfter".equals(name)) {
                asyncAfter = isTrue(property.path("value"));
            }
            if ("camunda:inputParameter".equals(type)) {
                declared.add(name);
                if (property.path("constraints").path("notEmpty").asBoolean()) {
                    markedRequired.add(name);
                }
            }
        }
        String bean = delegateBean(template);
        if (bean == null) {
            problems.add(id + ": no hidden camunda:delegateExpression");
            return problems;
        }
        if (!context.containsBean(bean) || !(context.getBean(bean) instanceof Connector)) {
            problems.add(id + ": no connector bean " + bean);
            return problems;
        }
        Connector connector = context.getBean(bean, Connector.class);
        Set<String> read = new LinkedHashSet<>();
        for (ConnectorInput input : connector.inputs()) {
            read.add(input.name());
            if (input.required() && !declared.contains(input.name())) {
                problems.add(id + ": input " + input.name() + " of " + bean + " is not declared");
            } else if (input.required() && !markedRequired.contains(input.name())) {
                problems.add(id + ": required input " + input.name() + " is not marked notEmpty");
            }
        }
        for (String name : declared) {
            if (!read.contains(name)) {
                problems.add(id + ": input " + name + " is not read by " + bean);
            }
        }
        if (connector.writes() && !async) {
            problems.add(id + ": " + bean + " writes but is not asyncBefore");
        } else if (!async && !asyncAfter) {
            problems.add(id + ": sets no asynchronous boundary (camunda:asyncBefore or camunda:asyncAfter)");
        }
        return problems;
    }

    private static boolean isTrue(JsonNode value) {
        return value.asBoolean() || "true".equals(value.asText());
    }

    /** The bean in the template's hidden delegate expression "${bean}", or null. */
    static String delegateBean(JsonNode template) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if ("property".equals(binding.path("type").asText()) && "camunda:delegateExpression".equals(binding.path("name").asText())
                    && "Hidden".equals(property.path("type").asText())) {
                return property.path("value").asText().replaceAll("^\\$\\{(.*)}$", "$1");
            }
        }
        return null;
    }

    static List<JsonNode> templates() throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                if (node.isArray()) {
                    node.forEach(templates::add);
                } else {
                    templates.add(node);
                }
            }
        }
        return templates;
    }
}
