package dk.kk.ks.flow.platform;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A named, typed process variable. Each case type declares its variables once, as constants of these,
 * so no code elsewhere spells a variable name or casts a variable's value.
 */
public final class Var<T> {

    private final String name;
    private final Class<?> type;
    /** For a list, the type of each element; else null. */
    private final Class<?> elementType;

    private Var(String name, Class<?> type, Class<?> elementType) {
        this.name = name;
        this.type = type;
        this.elementType = elementType;
    }

    public static <T> Var<T> of(String name, Class<T> type) {
        return new Var<>(name, type, null);
    }

    /**
     * A list of strings, stored as JSON. A delegate reading it ({@link #get}) checks every element, so a list someone
     * with the right to change variables filled with numbers or objects is refused by name, not a ClassCastException
     * further on.
     */
    public static Var<List<String>> stringList(String name) {
        return new Var<>(name, List.class, String.class);
    }

    public String name() {
        return name;
    }

    /** The value, or null when the variable is not set. */
    public T get(VariableScope scope) {
        return cast(scope.getVariable(name));
    }

    /** The value; a missing variable is a modelling error, reported with the variable's name. */
    public T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is not set");
        }
        return value;
    }

    /**
     * From a variable map, as a view or a summary reads a case (the CaseView, a work note). Lenient with a list of
     * texts that someone changed to hold other values: each element is shown as text, so one changed case does not
     * make a lookup fail. Delegates read through {@link #get} and {@link #require}, which refuse it.
     */
    public T from(Map<String, ?> variables) {
        Object value = variables.get(name);
        if (elementType == String.class && value instanceof List<?> list) {
            value = list.stream().map(String::valueOf).toList();
        }
        return cast(value);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }


    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        if (value == null) {
            return null;
        }
        if (type == Double.class && value instanceof Number number) {
            return (T) Double.valueOf(number.doubleValue());
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("Process variable '" + name + "' is a " + value.getClass().getSimpleName()
                    + ", expected " + type.getSimpleName());
        }
        if (elementType != null) {
            for (Object element : (List<?>) value) {
                if (!elementType.isInstance(element)) {
                    throw new IllegalStateException("Process variable '" + name + "' holds a "
                            + (element == null ? "null" : element.getClass().getSimpleName()) + ", expected a list of "
                            + elementType.getSimpleName());
                }
            }
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return name;
    }
}
