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

    @Test
    void theSentencesTasklistBuildsFromPiecesReadAsDanish() throws IOException {
        JsonNode labels = read("da.json").get("labels");
        JsonNode time = read("da.json").at("/dateLocales/relativeTime");

        // The search bar: "[all|any] of the criteria are met."
        for (String prefix : new String[] {"", "CAM_WIDGET_SEARCH_"}) {
            String rest = labels.get(prefix + "MATCH_TYPE").asText();
            assertThat(labels.get(prefix + "MATCH_TYPE_ALL").asText() + " " + rest).isEqualTo("alle kriterier er opfyldt.");
            assertThat(labels.get(prefix + "MATCH_TYPE_ANY").asText() + " " + rest).isEqualTo("et eller flere kriterier er opfyldt.");
        }
        // A task's age: "Created" + moment's relative time.
        assertThat(labels.get("CREATION").asText() + " " + time.get("past").asText().replace("%s", "8 minutter"))
                .isEqualTo("Oprettet for 8 minutter siden");
        // The logout page wishes a good part of the day: never "god morgen", which is a greeting.
        assertThat(labels.get("AUTH_LOGOUT_THANKS").asText().replace("{{dayContext}}", labels.get("AUTH_DAY_CONTEXT_MORNING").asText()))
                .endsWith("Hav en god formiddag!");
        // KS's words: a process instance's business key is the ServiceNow number; "sag" is KS Flow's case, never a CMMN case.
        assertThat(labels.get("BUSINESS_KEY").asText()).isEqualTo("ServiceNow-nummer");
        List<String> all = new ArrayList<>();
        labels.fieldNames().forEachRemaining(name -> all.add(name + "=" + labels.get(name).asText()));
        assertThat(all).filteredOn(label -> label.startsWith("CASE_") || label.startsWith("caseInstance"))
                .isNotEmpty().allSatisfy(label -> assertThat(label).contains("CMMN-sag"));
        assertThat(all).noneMatch(label -> label.contains("Lejer") || label.contains("af af") || label.contains("alle af"));
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
