package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** KS Flow's Danish Tasklist locale keeps up with the webjar's English one (after a Camunda upgrade, too). */
class TasklistDanishLocaleTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";

    @Test
    void theDanishLocaleHasEveryKeyOfTheWebjarsEnglishOneAndNoOther() throws IOException {
        JsonNode english = read("en.json");
        JsonNode danish = read("da.json");

        assertThat(names(danish.get("labels"))).containsExactlyInAnyOrderElementsOf(names(english.get("labels")));
        assertThat(names(danish.get("dateLocales"))).containsExactlyInAnyOrderElementsOf(names(english.get("dateLocales")));
        assertThat(danish.at("/labels/PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Log ind");
        assertThat(danish.at("/dateLocales/months/0").asText()).isEqualTo("januar");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = TasklistDanishLocaleTest.class.getClassLoader().getResourceAsStream(LOCALES + file)) {
            assertThat(in).as(file + " on the classpath").isNotNull();
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            return new ObjectMapper().readTree(text);
        }
    }
}
