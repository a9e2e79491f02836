package dk.kk.ks.flow.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * Every element template in processes/.camunda/element-templates/ against the code: the structure the
 * Camunda 7 element-templates schema requires, a hidden delegate expression naming a connector bean that
 * exists, exactly the inputs that connector reads, every required input marked required, and writes
 * made asynchronous. Every connector bean has a template.
 */
class ElementTemplatesTest extends ProcessTestCase {

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
                async = property.path("value").asBoolean() || "true".equals(property.path("value").asText());
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
        }
        return problems;
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
