package dk.kk.ks.flow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a task's Camunda Form, by the process variable each one sets: what a completion of the task
 * may carry. A field is read-only when the form says {@code "readonly"} (true, or an expression: it may be)
 * or {@code "disabled"}; such a field only shows a value, and Tasklist sends it back as shown.
 */
final class TaskForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form field: its form-js type (textfield, number, ...) and whether the person can change it. */
    record Field(String type, boolean readOnly) {

        /**
         * Whether {@code submitted} leaves the variable's {@code current} value as it is: the same value, or the
         * value as Tasklist's form shows and sends it back (a text field turns a number into text and line
         * breaks into spaces, shows nothing as "", and a checkbox shows nothing as false).
         */
        boolean unchanged(Object current, Object submitted) {
            return same(current, submitted) || same(asShown(current), submitted);
        }

        private Object asShown(Object value) {
            return switch (type) {
                case "textfield" -> value == null || value instanceof Map || value instanceof Collection
                        ? "" : text(value).replaceAll("[\\r\\n\\t]", " ");
                case "textarea" -> value == null || value instanceof Map || value instanceof Collection ? "" : text(value);
                case "checkbox" -> Boolean.TRUE.equals(value);
                default -> value;
            };
        }
    }

    private final Map<String, Field> fields;

    private TaskForm(Map<String, Field> fields) {
        this.fields = fields;
    }

    /** A task without a Camunda Form: a completion may set nothing. */
    static TaskForm none() {
        return new TaskForm(Map.of());
    }

    static TaskForm parse(InputStream form) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(JSON.readTree(form).path("components"), null, fields);
        return new TaskForm(fields);
    }

    /** The field that sets the variable, if the form has one. */
    Optional<Field> field(String variable) {
        return Optional.ofNullable(fields.get(variable));
    }

    /**
     * Every keyed component, through groups and lists. A key "a.b", or a key inside a group with the path "a",
     * sets the variable "a"; when several fields set one variable, it is read-only only if all of them are.
     */
    private static void collect(JsonNode components, String path, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String componentPath = component.hasNonNull("path") ? join(path, component.get("path").asText()) : path;
            if (component.hasNonNull("key")) {
                String variable = firstSegment(join(componentPath, component.get("key").asText()));
                Field field = new Field(component.path("type").asText(), readOnly(component));
                fields.merge(variable, field, (one, other) -> one.readOnly() ? other : one);
            }
            collect(component.path("components"), componentPath, fields);
        }
    }

    private static boolean readOnly(JsonNode component) {
        JsonNode readonly = component.path("readonly");
        boolean expression = readonly.isTextual() && !readonly.asText().isBlank();
        return readonly.asBoolean(false) || expression || component.path("disabled").asBoolean(false);
    }

    private static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    private static String firstSegment(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** A variable's value to compare: JSON as a tree (stored and sent as text), anything else as it is. */
    static Object plain(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()
                && ("json".equalsIgnoreCase(value.getType().getName())
                    || String.valueOf(serializable.getSerializationDataFormat()).contains("json"))) {
            return json(serializable.getValueSerialized());
        }
        return value.getValue();
    }

    private static boolean same(Object one, Object other) {
        if (empty(one) && empty(other)) {
            return true;
        }
        if (one instanceof Number a && other instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (one instanceof JsonNode || other instanceof JsonNode) {
            return Objects.equals(json(one), json(other));
        }
        return Objects.equals(one, other);
    }

    private static boolean empty(Object value) {
        return value == null || "".equals(value);
    }

    /** A number as a browser writes it: 12500.0 is "12500". */
    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static JsonNode json(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        try {
            return value instanceof String text ? JSON.readTree(text) : JSON.valueToTree(value);
        } catch (IOException | IllegalArgumentException notJson) {
            return null;
        }
    }
}
