package dk.kk.ks.flow.cases;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The JSON schemas of the API's records, read from the annotations the server itself works with: Bean Validation
 * (what RequestReader enforces), Jackson's formats (what it parses and writes) and {@code @Schema} for descriptions,
 * examples and, in answers, nullability. So the description says exactly what the server enforces. A constraint
 * that this class does not know how to describe is an error, not a silent gap: describe it here when adding it.
 *
 * <p>A request property is required when it is {@code @NotNull} or {@code @NotBlank}. An answer property is
 * always present (Jackson writes nulls), so it is required; it may be null only where {@code @Schema(nullable = true)}
 * says so, and it may be absent only where {@code @Schema(requiredMode = NOT_REQUIRED)} says so.
 */
final class RecordSchemas {

    /** Whether the record is read from a caller (constraints apply) or written to one (nullability applies). */
    enum Direction { REQUEST, RESPONSE }

    /** Not blank as Bean Validation means it (String.trim): some character above U+0020. A full match, for every regex dialect. */
    static final String NOT_BLANK_PATTERN = "^[\\x00-\\x20]*[^\\x00-\\x20][\\s\\S]*$";
    /** A time of day as {@code @JsonFormat(pattern = "HH:mm")} parses it (which takes 24:00 for midnight, too). */
    static final String TIME_OF_DAY_PATTERN = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";

    /** Constraints described in words, as no schema keyword says them: annotation name to text. */
    private static final Map<String, String> DESCRIBED_CONSTRAINTS = Map.of(
            "KnownUser", "The user id (login) of a user known to KS Flow, never an employee number.",
            "NonZero", "Not 0.",
            "FirstDayOfMonth", "The first day of a month.",
            "WholeNumber", "A whole number (3 and 3.0 are; 2.5 is not).");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Schema<?>> schemas = new TreeMap<>();
    private final Map<String, Direction> directions = new HashMap<>();
    private final Map<String, Class<?>> classes = new HashMap<>();

    /** Every schema defined so far, by name. */
    Map<String, Schema<?>> schemas() {
        return schemas;
    }

    /** Defines the record's schema (and those of the records it holds) and returns a reference to it. */
    Schema<?> ref(Class<?> record, Direction direction) {
        String name = name(record);
        Class<?> named = classes.putIfAbsent(name, record);
        if (named != null && named != record) {
            throw new IllegalStateException(record.getName() + " and " + named.getName() + " are both named " + name
                    + ": give one @Schema(name = ...)");
        }
        Direction before = directions.putIfAbsent(name, direction);
        if (before != null && before != direction) {
            throw new IllegalStateException(record.getName() + " is read from callers and written to them: its schema "
                    + "cannot say both what is required in a request and what may be null in an answer");
        }
        if (!schemas.containsKey(name)) {
            schemas.put(name, new Schema<>()); // a placeholder against cycles
            schemas.put(name, define(record, direction));
        }
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    /** The schema name: {@code @Schema(name)} on the record, else its simple name. */
    static String name(Class<?> record) {
        io.swagger.v3.oas.annotations.media.Schema annotation = record.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : record.getSimpleName();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema<?> define(Class<?> record, Direction direction) {
        Schema schema = new Schema<>().type("object");
        io.swagger.v3.oas.annotations.media.Schema annotation = record.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        if (annotation != null && !annotation.description().isEmpty()) {
            schema.description(annotation.description());
        }
        List<String> required = new ArrayList<>();
        for (RecordComponent component : RecordTypes.components(record)) {
            Annotations annotations = new Annotations(record, component);
            Schema<?> property = property(component.getGenericType(), annotations, direction, record.getName() + "." + component.getName());
            schema.addProperty(component.getName(), property);
            if (isRequired(annotations, direction)) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.required(required);
        }
        return schema;
    }

    private static boolean isRequired(Annotations annotations, Direction direction) {
        io.swagger.v3.oas.annotations.media.Schema schema = annotations.get(io.swagger.v3.oas.annotations.media.Schema.class);
        if (direction == Direction.RESPONSE) {
            return schema == null || schema.requiredMode() != io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
        }
        return annotations.has(NotNull.class) || annotations.has(NotBlank.class);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema<?> property(Type type, Annotations annotations, Direction direction, String where) {
        io.swagger.v3.oas.annotations.media.Schema doc = annotations.get(io.swagger.v3.oas.annotations.media.Schema.class);
        Schema schema = enumImplementation(type, doc);
        if (schema == null) {
            schema = typeSchema(type, annotations, direction, where);
        }
        List<String> words = new ArrayList<>();
        if (doc != null && !doc.description().isEmpty()) {
            words.add(doc.description().matches(".*[.!?)]$") ? doc.description() : doc.description() + ".");
        }
        if (schema.get$ref() != null) {
            // In OpenAPI 3.0 nothing may stand beside a $ref; a record property is described by its record.
            return schema;
        }
        if (doc != null && !doc.example().isEmpty()) {
            schema.example(example(schema, doc.example()));
        }
        if (direction == Direction.RESPONSE && doc != null && doc.nullable()) {
            schema.nullable(true);
        }
        if (direction == Direction.REQUEST) {
            constraints(schema, annotations, words, where);
        }
        if (!words.isEmpty()) {
            schema.description(String.join(" ", words));
        }
        return schema;
    }

    /**
     * Text, or a list of text, that holds the names of an enum: {@code @Schema(implementation = TheEnum.class)} says so,
     * and the schema lists them. Null for anything else.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> enumImplementation(Type type, io.swagger.v3.oas.annotations.media.Schema doc) {
        if (doc == null || !doc.implementation().isEnum()) {
            return null;
        }
        Schema names = new Schema<>().type("string");
        names.setEnum(Arrays.stream(doc.implementation().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        if (RecordTypes.raw(type) == String.class) {
            return names;
        }
        if (Collection.class.isAssignableFrom(RecordTypes.raw(type))) {
            return new ArraySchema().items(names);
        }
        throw new IllegalStateException("@Schema(implementation = an enum) is for text or a list of text, not " + type.getTypeName());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema<?> typeSchema(Type type, Annotations annotations, Direction direction, String where) {
        Class<?> raw = RecordTypes.raw(type);
        io.swagger.v3.oas.annotations.media.Schema doc = annotations.get(io.swagger.v3.oas.annotations.media.Schema.class);
        if (raw == String.class) {
            return new Schema<>().type("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new Schema<>().type("boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return new Schema<>().type("integer").format("int32");
        }
        if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            return new Schema<>().type("integer").format("int64");
        }
        if (raw == BigDecimal.class) {
            boolean whole = annotations.hasNamed("WholeNumber") || (doc != null && "integer".equals(doc.type()));
            return whole ? new Schema<>().type("integer").format("int32") : new Schema<>().type("number");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return new Schema<>().type("number").format("double");
        }
        if (raw == LocalDate.class) {
            return new Schema<>().type("string").format("date");
        }
        if (raw == OffsetDateTime.class) {
            return new Schema<>().type("string").format("date-time");
        }
        if (raw == LocalTime.class) {
            JsonFormat format = annotations.get(JsonFormat.class);
            if (format == null || !"HH:mm".equals(format.pattern())) {
                throw new IllegalStateException(where + ": a time of day is described only as @JsonFormat(pattern = \"HH:mm\")");
            }
            return new Schema<>().type("string").pattern(TIME_OF_DAY_PATTERN);
        }
        if (raw == Period.class) {
            return new Schema<>().type("string").description("An ISO-8601 period, e.g. P2Y9M26D.");
        }
        if (raw.isEnum()) {
            Schema schema = new Schema<>().type("string");
            schema.setEnum(Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            return schema;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Schema<?> items = typeSchema(typeArgument(type, 0, where), Annotations.NONE, direction, where + "[]");
            ArraySchema array = new ArraySchema();
            array.items(items);
            if (Set.class.isAssignableFrom(raw)) {
                array.uniqueItems(true);
            }
            return array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Class<?> key = RecordTypes.raw(typeArgument(type, 0, where));
            if (key != String.class && !key.isEnum()) {
                throw new IllegalStateException(where + ": map keys must be strings or enums");
            }
            return new Schema<>().type("object")
                    .additionalProperties(typeSchema(typeArgument(type, 1, where), Annotations.NONE, direction, where + "{}"));
        }
        if (raw.isRecord()) {
            return ref(raw, direction);
        }
        if (raw == Object.class) {
            return new Schema<>().description("Any JSON value");
        }
        throw new IllegalStateException(where + ": no JSON schema for " + type.getTypeName());
    }

    /** Bean Validation constraints as schema keywords, or as words where no keyword says it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void constraints(Schema schema, Annotations annotations, List<String> words, String where) {
        boolean text = "string".equals(schema.getType());
        for (Annotation annotation : annotations.all()) {
            if (annotation instanceof NotNull || annotation instanceof Valid) {
                continue;
            }
            if (annotation instanceof NotBlank) {
                schema.minLength(Math.max(1, schema.getMinLength() == null ? 0 : schema.getMinLength()));
                if (!annotations.has(Pattern.class)) {
                    schema.pattern(NOT_BLANK_PATTERN);
                }
                words.add("Not blank.");
            } else if (annotation instanceof Size size && text) {
                if (size.min() > 0) {
                    schema.minLength(Math.max(size.min(), schema.getMinLength() == null ? 0 : schema.getMinLength()));
                }
                if (size.max() < Integer.MAX_VALUE) {
                    schema.maxLength(size.max());
                }
            } else if (annotation instanceof Size size) {
                if (size.min() > 0) {
                    schema.minItems(size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    schema.maxItems(size.max());
                }
            } else if (annotation instanceof Pattern pattern) {
                schema.pattern(pattern.regexp());
            } else if (annotation instanceof DecimalMin min) {
                schema.minimum(new BigDecimal(min.value()));
                if (!min.inclusive()) {
                    schema.exclusiveMinimum(true);
                }
            } else if (annotation instanceof DecimalMax max) {
                schema.maximum(new BigDecimal(max.value()));
                if (!max.inclusive()) {
                    schema.exclusiveMaximum(true);
                }
            } else if (annotation instanceof Min min) {
                schema.minimum(BigDecimal.valueOf(min.value()));
            } else if (annotation instanceof Max max) {
                schema.maximum(BigDecimal.valueOf(max.value()));
            } else if (annotation instanceof Digits digits) {
                words.add("At most " + digits.integer() + " digits before the decimal point and " + digits.fraction() + " after it.");
            } else {
                String name = annotation.annotationType().getSimpleName();
                if (DESCRIBED_CONSTRAINTS.containsKey(name)) {
                    words.add(DESCRIBED_CONSTRAINTS.get(name));
                } else if (annotation.annotationType().isAnnotationPresent(Constraint.class)
                        || annotation.annotationType().getPackageName().equals(NotNull.class.getPackageName())) {
                    throw new IllegalStateException(where + ": the constraint @" + name + " is not described in the API description");
                }
            }
        }
    }

    /** An example as the JSON value it stands for: a number for a number, a list for an array. */
    private static Object example(Schema<?> schema, String example) {
        String type = schema.getType();
        if ("integer".equals(type)) {
            return Long.parseLong(example);
        }
        if ("number".equals(type)) {
            return new BigDecimal(example);
        }
        if ("boolean".equals(type)) {
            return Boolean.parseBoolean(example);
        }
        if ("array".equals(type) || "object".equals(type)) {
            try {
                return JSON.readValue(example, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The example of an array or object must be JSON: " + example, e);
            }
        }
        return example;
    }

    private static Type typeArgument(Type type, int index, String where) {
        Type argument = RecordTypes.typeArgument(type, index);
        if (argument == null) {
            throw new IllegalStateException(where + ": a collection or map must say its element type");
        }
        return argument;
    }

    /** The annotations of a record component: on its field and its accessor (where Java puts them). */
    private record Annotations(Map<Class<? extends Annotation>, Annotation> byType) {

        static final Annotations NONE = new Annotations(Map.of());

        Annotations(Class<?> record, RecordComponent component) {
            this(collect(record, component));
        }

        private static Map<Class<? extends Annotation>, Annotation> collect(Class<?> record, RecordComponent component) {
            Map<Class<? extends Annotation>, Annotation> found = new LinkedHashMap<>();
            try {
                Field field = record.getDeclaredField(component.getName());
                for (Annotation annotation : field.getAnnotations()) {
                    found.putIfAbsent(annotation.annotationType(), annotation);
                }
            } catch (NoSuchFieldException impossible) {
                throw new IllegalStateException(impossible);
            }
            for (Annotation annotation : component.getAccessor().getAnnotations()) {
                found.putIfAbsent(annotation.annotationType(), annotation);
            }
            for (Annotation annotation : component.getAnnotations()) {
                found.putIfAbsent(annotation.annotationType(), annotation);
            }
            return found;
        }

        <A extends Annotation> A get(Class<A> type) {
            return type.cast(byType.get(type));
        }

        boolean has(Class<? extends Annotation> type) {
            return byType.containsKey(type);
        }

        boolean hasNamed(String simpleName) {
            return byType.keySet().stream().anyMatch(type -> type.getSimpleName().equals(simpleName));
        }

        Collection<Annotation> all() {
            return byType.values();
        }
    }
}
