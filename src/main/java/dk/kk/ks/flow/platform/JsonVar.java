package dk.kk.ks.flow.platform;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A process variable holding a structured value (a record, a list of records) as a JSON variable
 * (Camunda type "Json"): readable in Cockpit, bindable in Camunda Forms, and free of Java class names.
 */
public final class JsonVar<T> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String name;
    private final TypeReference<T> type;

    private JsonVar(String name, TypeReference<T> type) {
        this.name = name;
        this.type = type;
    }

    public static <T> JsonVar<T> of(String name, TypeReference<T> type) {
        return new JsonVar<>(name, type);
    }

    public String name() {
        return name;
    }

    /** The value, or null when the variable is not set (read from its JSON text: Spin need not parse it first). */
    public T get(VariableScope scope) {
        return parse(scope.getVariableTyped(name, false));
    }

    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is not set");
        }
        return value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, typed(value));
    }

    /** The typed value to put into a start-variable map. */
    public TypedValue typed(T value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write variable '" + name + "' as JSON", e);
        }
    }

    /** From a variable map as history returns it (a Spin JSON node, or its text). */
    public T from(java.util.Map<String, ?> variables) {
        Object value = variables.get(name);
        if (value == null) {
            return null;
        }
        return read(value.toString());
    }

    private T parse(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null) {
            return read(serializable.getValueSerialized());
        }
        return value.getValue() == null ? null : read(value.getValue().toString());
    }

    private T read(String text) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Process variable '" + name + "' is not the expected JSON", e);
        }
    }
}
