package dk.kk.ks.flow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The shape check on its own: what it names, what it leaves alone, and which characters hide text. */
class RequestShapeTest {

    record Inner(String note, List<String> tags, int count) {
    }

    record Outer(String name, BigDecimal amount, LocalDate date, List<Inner> items, Map<String, String> extra, Inner single) {
    }

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final RequestShape shape = new RequestShape(json);

    @Test
    void namesEveryFieldThatDoesNotFitAtOnceAndEmptiesIt() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree("""
                {"name": 7, "amount": "12.50", "date": "2027-13-01", "unknown": "\\u0000 is ignored here",
                 "items": [{"note": "ok", "tags": ["a", 5, "b\\u2067"], "count": 2.5}, 3, null],
                 "extra": {"k": "v\\u202e"}, "single": {"note": ["x"], "count": "2"}}""");

        List<CaseType.FieldError> errors = shape.check(body, Outer.class);

        assertThat(errors).extracting(CaseType.FieldError::field).containsExactlyInAnyOrder("name", "amount", "date",
                "items[0].tags[1]", "items[0].tags[2]", "items[0].count", "items[1]", "extra", "single.note", "single.count");
        assertThat(errors).filteredOn(error -> error.field().equals("items[0].tags[2]"))
                .extracting(CaseType.FieldError::message).containsExactly(RequestShape.HIDING_TEXT);
        assertThat(body.get("name").isNull()).isTrue();
        assertThat(body.at("/items/0/tags/1").isNull()).isTrue();
        assertThat(body.at("/items/0/tags/0").asText()).isEqualTo("a");
        assertThat(json.treeToValue(body, Outer.class).items().get(0).note()).isEqualTo("ok");
    }

    @Test
    void aBodyThatFitsHasNoErrorsAndIsUnchanged() throws Exception {
        String text = """
                {"name": "Søren Ærø\\t\\n", "amount": 12.5, "date": "2027-03-01",
                 "items": [{"note": "\\u200f\\u2029\\u202f\\u2065\\u206a", "tags": [], "count": 2}], "extra": {"k": "v"}}""";
        ObjectNode body = (ObjectNode) json.readTree(text);

        assertThat(shape.check(body, Outer.class)).isEmpty();
        assertThat(body).isEqualTo(json.readTree(text));
    }

    @Test
    void hidingCharactersAreNulAndTheBidirectionalControlsOnly() {
        for (int c : new int[] {0x0000, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            assertThat(RequestShape.hidesText("a" + Character.toString(c) + "b")).as("U+%04X", c).isTrue();
        }
        for (int c : new int[] {0x0001, 0x0009, 0x000A, 0x200F, 0x2029, 0x202F, 0x2065, 0x206A, 0x00E6}) {
            assertThat(RequestShape.hidesText("a" + Character.toString(c) + "b")).as("U+%04X", c).isFalse();
        }
    }

    @Test
    void aRequestTypeThatIsNoRecordIsAProgrammingError() {
        assertThatThrownBy(() -> shape.check(json.createObjectNode(), String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
