package dk.kk.ks.flow.cases;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;

/**
 * How the request and result records are walked, shared by the two that walk them: {@link RecordSchemas} (the API
 * description) and {@link RequestShape} (the intake's check of a body's JSON shape). A record's components, the class
 * behind a generic type, and the element type of a collection.
 */
final class RecordTypes {

    /**
     * Each record's components, read once: {@code getRecordComponents()} makes new accessor methods on every call,
     * and each new method parses its annotations again (a tenth of what an intake request allocated).
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> record) {
            if (!record.isRecord()) {
                throw new IllegalArgumentException("Requests and results are records: " + record.getName());
            }
            return record.getRecordComponents();
        }
    };

    private RecordTypes() {
    }

    /** The components of a record, in declaration order (a copy of the array; the components are shared). */
    static RecordComponent[] components(Class<?> record) {
        return COMPONENTS.get(record).clone();
    }

    /** The class behind a type ({@code List} for {@code List<String>}); Object when the type does not say. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType a) {
            return raw(a.getGenericComponentType()).arrayType();
        }
        return Object.class;
    }

    /** The index-th type argument ({@code String} of {@code List<String>}, index 0), or null when the type has none. */
    static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return null;
    }
}
