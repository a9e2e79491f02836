package dk.kk.ks.flow.processowners;

import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The frame of the process owners' pages: Danish, one style, text escaped. */
final class Pages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Pages() {
    }

    static StringBuilder start(String title, String extraHead) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>KS Flow: ")
                .append(escape(title)).append("</title>\n").append(extraHead)
                .append("""
                        <style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
                        th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}td.number{text-align:right}
                        .note{color:#555}label{margin-right:.3em}form p{margin:.6em 0}
                        .problem{border:2px solid #a00;padding:.5em 1em;color:#700}code{font-size:95%}</style></head><body>
                        """);
    }

    static String end(StringBuilder html) {
        return html.append("</body></html>\n").toString();
    }

    static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** A value as the process owner reads it in a table: JSON (numbers, text in quotes, lists, maps), escaped. */
    static String value(Object value) {
        try {
            return escape(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            return escape(String.valueOf(value));
        }
    }

    static String results(List<Map<String, Object>> results) {
        if (results == null) {
            return "";
        }
        if (results.isEmpty()) {
            return "ingen regel passer";
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> entry : results) {
            text.append(text.isEmpty() ? "" : "<br>").append(value(entry));
        }
        return text.toString();
    }
}
