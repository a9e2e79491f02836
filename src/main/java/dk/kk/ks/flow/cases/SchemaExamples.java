package dk.kk.ks.flow.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;

/**
 * An example value for a schema of the description, made from the examples of its properties (so the example of
 * a body is the sum of the examples beside its fields, and cannot disagree with them). A schema's own example wins.
 * A text property without an example, an enum or a date format has no example to make: that is an error.
 */
final class SchemaExamples {

    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> components;

    @SuppressWarnings("rawtypes")
    SchemaExamples(Map<String, Schema> components) {
        this.components = components;
    }

    Object of(Schema<?> schema) {
        return of(schema, "");
    }

    @SuppressWarnings("rawtypes")
    private Object of(Schema<?> schema, String where) {
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            Schema<?> target = components.get(name);
            if (target == null) {
                throw new IllegalStateException("No schema " + name + " for an example at " + where);
            }
            return of(target, name);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return of(schema.getOneOf().get(0), where);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String type = schema.getType();
        if ("array".equals(type)) {
            List<Object> list = new ArrayList<>();
            Object item = of(schema.getItems(), where + "[]");
            if (item != null) {
                list.add(item);
            }
            return list;
        }
        if ("object".equals(type) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                    object.put(property.getKey(), of(property.getValue(), where + "." + property.getKey()));
                }
            }
            return object;
        }
        if ("string".equals(type) && "date".equals(schema.getFormat())) {
            return "2027-03-01";
        }
        if ("string".equals(type) && "date-time".equals(schema.getFormat())) {
            return "2027-04-10T09:00:00+02:00";
        }
        if (Boolean.TRUE.equals(schema.getNullable())) {
            return null;
        }
        if ("boolean".equals(type)) {
            return false;
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return 0;
        }
        throw new IllegalStateException("No example for " + where + ": give it one with @Schema(example = ...)");
    }
}
