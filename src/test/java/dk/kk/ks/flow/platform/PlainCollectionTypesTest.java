package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.junit.jupiter.api.Test;

/**
 * Maps and lists of texts are stored under their class's name alone, which Spin finds without searching the
 * class path, and read back as the same values; other lists keep Spin's generic name, so their element type
 * survives (a Long stays a Long).
 */
class PlainCollectionTypesTest {

    private final JacksonJsonDataFormat format = configured();

    @Test
    void aListOfTextsIsNamedByItsClassAndReadsBackEqual() {
        List<String> groups = new ArrayList<>(List.of("debitor-godkendere", "bogholderi"));

        assertThat(format.getCanonicalTypeName(groups)).isEqualTo("java.util.ArrayList");
        assertThat(roundTrip(groups)).isEqualTo(groups).isInstanceOf(ArrayList.class);
        assertThat(format.getCanonicalTypeName(List.of("a", "b", "c"))).isEqualTo(List.of("a", "b", "c").getClass().getName());
        assertThat(roundTrip(List.of("a", "b", "c"))).isEqualTo(List.of("a", "b", "c"));
        assertThat(roundTrip(List.of())).isEqualTo(List.of());
    }

    @Test
    void aMapIsNamedByItsClassAndItsValuesReadBackAsJsonMakesThem() {
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("cpr", "0101901234");
        employee.put("weeklyHours", 37);
        employee.put("manager", Map.of("id", "m1"));
        employee.put("groups", List.of("a"));

        assertThat(format.getCanonicalTypeName(employee)).isEqualTo("java.util.LinkedHashMap");
        assertThat(roundTrip(employee)).isEqualTo(employee);
    }

    @Test
    void otherListsKeepSpinsGenericNameAndTheirElementType() {
        List<Long> numbers = new ArrayList<>(List.of(1L, 2L));

        assertThat(format.getCanonicalTypeName(numbers)).isEqualTo("java.util.ArrayList<java.lang.Long>");
        assertThat(roundTrip(numbers)).isEqualTo(numbers);
        assertThat(format.getCanonicalTypeName(new ArrayList<>(List.of("a", 1L)))).contains("<");
    }

    @Test
    void aNameStoredBeforeWithTypeParametersStillReads() {
        Object internal = format.getMapper().mapJavaToInternal(List.of("a", "b"));

        assertThat((Object) format.getMapper().mapInternalToJava(internal, "java.util.ArrayList<java.lang.String>"))
                .isEqualTo(List.of("a", "b"));
    }

    private Object roundTrip(Object value) {
        String type = format.getCanonicalTypeName(value);
        return format.getMapper().mapInternalToJava(format.getMapper().mapJavaToInternal(value), type);
    }

    private static JacksonJsonDataFormat configured() {
        JacksonJsonDataFormat format = new JacksonJsonDataFormat("application/json");
        new PlainCollectionTypes().configure(format);
        return format;
    }
}
