package dk.kk.ks.flow.benchmark;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A case as KS Flow ended it, read from the engine's history REST API ({@code deserializeValues=false}):
 * its process, its process-scope variables, and those of the processes it called (by process key).
 * The baseline replays it on the bare engine, so the gateways there read what KS Flow's delegates wrote.
 */
record RecordedCase(String caseType, String processKey, Map<String, JsonNode> variables, Map<String, Map<String, JsonNode>> called) {

    /** The variables as typed values, fresh for each use; serialized objects stay serialized. */
    static Map<String, Object> typed(Map<String, JsonNode> restVariables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        restVariables.forEach((name, variable) -> typed.put(name, typed(variable)));
        return typed;
    }

    private static TypedValue typed(JsonNode variable) {
        String type = variable.path("type").asText();
        JsonNode value = variable.get("value");
        if (value == null || value.isNull()) {
            return Variables.untypedNullValue();
        }
        JsonNode info = variable.path("valueInfo");
        return switch (type) {
            case "String" -> Variables.stringValue(value.asText());
            case "Boolean" -> Variables.booleanValue(value.asBoolean());
            case "Integer" -> Variables.integerValue(value.asInt());
            case "Long" -> Variables.longValue(value.asLong());
            case "Short" -> Variables.shortValue((short) value.asInt());
            case "Double" -> Variables.doubleValue(value.asDouble());
            case "Date" -> Variables.dateValue(date(value.asText()));
            case "Json" -> SpinValues.jsonValue(value.asText()).create();
            case "Object" -> Variables.serializedObjectValue(value.asText())
                    .serializationDataFormat(info.path("serializationDataFormat").asText())
                    .objectTypeName(info.path("objectTypeName").asText()).create();
            default -> throw new IllegalArgumentException("A variable of type " + type + " cannot be replayed");
        };
    }

    private static java.util.Date date(String text) {
        try {
            return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not an engine REST date: " + text, e);
        }
    }
}
