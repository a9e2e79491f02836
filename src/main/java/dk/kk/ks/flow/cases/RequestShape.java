package dk.kk.ks.flow.cases;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a JSON body against its request record before it is bound, so that the answer names every field
 * that cannot be bound, not only the first one Jackson stops at: a value of the wrong JSON type (text where
 * a number belongs, a number where text belongs, an enum by its index), a date, time or enum that does not
 * parse, and text that hides what it says (NUL, Unicode bidirectional controls; an approver must see what was
 * sent). It follows the record's components, so every text field of every request, in nested records and
 * lists of records too, is checked without being listed anywhere.
 *
 * <p>Request types are records whose components accept null (Bean Validation says what is required).
 */
final class RequestShape {

    static final String HIDING_TEXT = "must not contain NUL or Unicode bidirectional control characters "
            + "(U+202A to U+202E, U+2066 to U+2069)";

    private final ObjectMapper objectMapper;

    RequestShape(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Every field of the body that does not fit the request type, named as in the body ({@code lines[2].end}).
     * Each such value is replaced by null in the body, so that the rest can still be bound and validated.
     */
    List<CaseType.FieldError> check(ObjectNode body, Class<?> requestType) {
        List<CaseType.FieldError> errors = new ArrayList<>();
        checkObject(body, requestType, "", errors);
        return errors;
    }

    /** True when the text holds NUL or a bidirectional embedding, override or isolate control. */
    static boolean hidesText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return true;
            }
        }
        return false;
    }

    private void checkObject(ObjectNode node, Class<?> type, String prefix, List<CaseType.FieldError> errors) {
        for (RecordComponent component : RecordTypes.components(type)) {
            String name = component.getName();
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            String field = prefix.isEmpty() ? name : prefix + "." + name;
            JsonFormat format = component.getAccessor().getAnnotation(JsonFormat.class);
            String problem = problem(value, component.getGenericType(), format, field, errors,
                    candidate -> binds(objectMapper.createObjectNode().set(name, candidate), type));
            if (problem != null) {
                errors.add(new CaseType.FieldError(field, problem));
                node.putNull(name);
            }
        }
    }

    /**
     * What is wrong with the value as the given type, or null. Problems inside a nested record or a list are
     * added to the errors where they are, with their own names.
     */
    private String problem(JsonNode value, Type type, JsonFormat format, String field, List<CaseType.FieldError> errors,
                           Predicate<JsonNode> binds) {
        Class<?> raw = RecordTypes.raw(type);
        if (raw == String.class) {
            if (!value.isTextual()) {
                return "must be a JSON string";
            }
            return hidesText(value.textValue()) ? HIDING_TEXT : null;
        }
        if (raw.isRecord()) {
            if (!value.isObject()) {
                return "must be a JSON object";
            }
            checkObject((ObjectNode) value, raw, field, errors);
            return null;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!value.isArray()) {
                return "must be a JSON array";
            }
            checkElements((ArrayNode) value, elementType(type), field, errors);
            return null;
        }
        if (!hasJsonType(value, raw) || !binds.test(value)) {
            return expectation(raw, format);
        }
        return containsHidingText(value) ? HIDING_TEXT : null;
    }

    private void checkElements(ArrayNode array, Type elementType, String field, List<CaseType.FieldError> errors) {
        Class<?> raw = RecordTypes.raw(elementType);
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element.isNull()) {
                continue;
            }
            String elementField = field + "[" + i + "]";
            String problem = problem(element, elementType, null, elementField, errors, candidate -> binds(candidate, raw));
            if (problem != null) {
                errors.add(new CaseType.FieldError(elementField, problem));
                array.set(i, NullNode.getInstance());
            }
        }
    }

    /** The JSON type the Java type is written as: Jackson would also take "12" for 12, 0 for an enum, 7 for a date. */
    private static boolean hasJsonType(JsonNode value, Class<?> raw) {
        if (raw == boolean.class || raw == Boolean.class) {
            return value.isBoolean();
        }
        if (isWholeNumber(raw)) {
            return value.isNumber() && value.canConvertToExactIntegral();
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return value.isNumber();
        }
        if (raw.isEnum() || TemporalAccessor.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)) {
            return value.isTextual();
        }
        if (Map.class.isAssignableFrom(raw)) {
            return value.isObject();
        }
        return true;
    }

    private static boolean isWholeNumber(Class<?> raw) {
        return raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
                || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class;
    }

    /** What the field must be, for the caller; no Java type names. */
    private static String expectation(Class<?> raw, JsonFormat format) {
        String pattern = format == null || format.pattern().isEmpty() ? null : format.pattern();
        if (raw == boolean.class || raw == Boolean.class) {
            return "must be true or false";
        }
        if (isWholeNumber(raw)) {
            return "must be a whole number";
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return "must be a number";
        }
        if (raw.isEnum()) {
            return "must be one of " + Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (raw == LocalDate.class) {
            return "must be a date (" + (pattern == null ? "yyyy-MM-dd" : pattern) + ")";
        }
        if (raw == LocalTime.class) {
            return "must be a time of day (" + (pattern == null ? "HH:mm" : pattern) + ")";
        }
        if (raw == LocalDateTime.class) {
            return "must be a date and time (" + (pattern == null ? "ISO-8601, e.g. 2027-04-10T09:00:00" : pattern) + ")";
        }
        if (raw == OffsetDateTime.class || raw == ZonedDateTime.class || raw == Instant.class) {
            return "must be a date and time with offset (" + (pattern == null ? "ISO-8601, e.g. 2027-04-10T09:00:00+02:00" : pattern) + ")";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "must be a JSON object";
        }
        return "has the wrong type or format";
    }

    private static boolean containsHidingText(JsonNode value) {
        if (value.isTextual()) {
            return hidesText(value.textValue());
        }
        for (JsonNode child : value) {
            if (containsHidingText(child)) {
                return true;
            }
        }
        if (value.isObject()) {
            for (var names = value.fieldNames(); names.hasNext(); ) {
                if (hidesText(names.next())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean binds(JsonNode value, Class<?> type) {
        try {
            objectMapper.treeToValue(value, type);
            return true;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The element type of a collection or array type; Object when it does not say. */
    private static Type elementType(Type type) {
        if (type instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (type instanceof GenericArrayType a) {
            return a.getGenericComponentType();
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }
}
