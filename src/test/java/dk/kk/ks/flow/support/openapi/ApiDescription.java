package dk.kk.ks.flow.support.openapi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

/**
 * The application's OpenAPI description (as served at /v3/api-docs), read as a test reads it: which operation a
 * request went to, and whether an answer is what the description says. Answers are checked strictly: a property the
 * description does not declare is a finding too (the description is to be complete), though clients must not reject it.
 */
final class ApiDescription {

    /** An operation of the description: its method, path template, id and node. */
    record Operation(String method, String path, String id, JsonNode node) {

        /** The declared answer for the status, if any. */
        Optional<JsonNode> response(int status) {
            JsonNode response = node.path("responses").path(String.valueOf(status));
            return response.isMissingNode() ? Optional.empty() : Optional.of(response);
        }
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    ApiDescription(JsonNode root) {
        this.root = root;
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        method.getValue().path("operationId").asText(), method.getValue()))));
    }

    JsonNode root() {
        return root;
    }

    List<Operation> operations() {
        return operations;
    }

    Operation operation(String id) {
        return operations.stream().filter(operation -> operation.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("No operation " + id + " in the description"));
    }

    /** The operation a request went to: a literal path before a template ({@code /cases/{caseId}}). */
    Optional<Operation> operationFor(String method, String path) {
        return operations.stream().filter(operation -> operation.method().equals(method) && operation.path().equals(path)).findFirst()
                .or(() -> operations.stream()
                        .filter(operation -> operation.method().equals(method) && !operation.path().equals(operation.path().replaceAll("\\{[^/]+}", "")))
                        .filter(operation -> path.matches(operation.path().replaceAll("\\{[^/]+}", "[^/]+")))
                        .findFirst());
    }

    /** The declared schema for an answer of this status and media type; empty when that media type is not declared. */
    Optional<JsonNode> answerSchema(Operation operation, int status, MediaType contentType) {
        JsonNode content = operation.response(status).orElseThrow().path("content");
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> declared = it.next();
            if (contentType != null && MediaType.parseMediaType(declared.getKey()).equalsTypeAndSubtype(contentType)) {
                return Optional.of(declared.getValue().path("schema"));
            }
        }
        return Optional.empty();
    }

    /** Every way the value differs from the schema (empty: it conforms), each naming where. */
    List<String> validate(JsonNode value, JsonNode schema) {
        List<String> findings = new ArrayList<>();
        validate(value, schema, "$", findings);
        return findings;
    }

    JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            schema = root.path("components").path("schemas").path(name);
            if (schema.isMissingNode()) {
                throw new AssertionError("The description refers to a missing schema " + name);
            }
        }
        return schema;
    }

    private void validate(JsonNode value, JsonNode schemaOrRef, String where, List<String> findings) {
        JsonNode schema = resolve(schemaOrRef);
        if (value == null || value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                findings.add(where + ": null, which the description does not allow");
            }
            return;
        }
        if (schema.has("oneOf")) {
            oneOf(value, schema, where, findings);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                findings.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(value, schema, where, findings);
            case "array" -> {
                if (!value.isArray()) {
                    findings.add(where + ": not an array: " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.path("items"), where + "[" + i + "]", findings);
                }
            }
            case "string" -> string(value, schema, where, findings);
            case "integer" -> {
                if (!value.isNumber() || !value.canConvertToExactIntegral()) {
                    findings.add(where + ": not an integer: " + value);
                } else {
                    bounds(value.decimalValue(), schema, where, findings);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    findings.add(where + ": not a number: " + value);
                } else {
                    bounds(value.decimalValue(), schema, where, findings);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    findings.add(where + ": not a boolean: " + value);
                }
            }
            default -> {
                // A schema with no "type" at all is JSON Schema's "any value" (a decision's inputs and outputs); a type
                // the validator does not know is still a finding.
                if (schema.has("type")) {
                    findings.add(where + ": the schema says no type: " + schema);
                }
            }
        }
    }

    private void oneOf(JsonNode value, JsonNode schema, String where, List<String> findings) {
        JsonNode discriminator = schema.path("discriminator");
        if (discriminator.isMissingNode()) {
            findings.add(where + ": a oneOf without a discriminator (generated clients guess between the schemas)");
            return;
        }
        String property = discriminator.path("propertyName").asText();
        JsonNode target = discriminator.path("mapping").path(value.path(property).asText());
        if (target.isMissingNode()) {
            findings.add(where + ": " + property + " " + value.path(property) + " maps to no schema");
            return;
        }
        validate(value, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("$ref", target.asText()), where, findings);
    }

    private void object(JsonNode value, JsonNode schema, String where, List<String> findings) {
        if (!value.isObject()) {
            findings.add(where + ": not an object: " + value);
            return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                findings.add(where + ": the required property " + required.asText() + " is missing");
            }
        }
        value.fields().forEachRemaining(field -> {
            String at = where + "." + field.getKey();
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), at, findings);
            } else if (schema.path("additionalProperties").isObject()) {
                validate(field.getValue(), schema.get("additionalProperties"), at, findings);
            } else if (!schema.path("additionalProperties").asBoolean(false)) {
                findings.add(at + ": a property the description does not declare");
            }
        });
    }

    private static void string(JsonNode value, JsonNode schema, String where, List<String> findings) {
        if (!value.isTextual()) {
            findings.add(where + ": not a string: " + value);
            return;
        }
        String text = value.textValue();
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            findings.add(where + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            findings.add(where + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            findings.add(where + ": longer than " + schema.get("maxLength"));
        }
        try {
            switch (schema.path("format").asText("")) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                default -> { }
            }
        } catch (DateTimeParseException e) {
            findings.add(where + ": \"" + text + "\" is not a " + schema.get("format").asText());
        }
    }

    private static void bounds(BigDecimal number, JsonNode schema, String where, List<String> findings) {
        if (schema.has("minimum")) {
            int compared = number.compareTo(schema.get("minimum").decimalValue());
            if (compared < 0 || (compared == 0 && schema.path("exclusiveMinimum").asBoolean(false))) {
                findings.add(where + ": " + number + " is below the minimum " + schema.get("minimum"));
            }
        }
        if (schema.has("maximum")) {
            int compared = number.compareTo(schema.get("maximum").decimalValue());
            if (compared > 0 || (compared == 0 && schema.path("exclusiveMaximum").asBoolean(false))) {
                findings.add(where + ": " + number + " is above the maximum " + schema.get("maximum"));
            }
        }
    }
}
