package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.REFUSAL_ERROR_CODE;
import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;

/**
 * "Opus Økonomi: bogfør bilag": a journal (posting date yyyy-MM-dd, description, the case's reference, and the lines:
 * account, costCenter, amount, vatCode, text) is posted; the result is Opus's document number. The lines are named, not
 * mapped: the input {@code linesVariable} is the name of the JSON variable that holds them ({@code lines}), read from its
 * JSON text, so the amounts reach Opus exactly as the request gave them (a mapped copy would pass through a double:
 * 1500.00 would be kept as 1500.0). Amounts are kroner. Opus's refusal (a period closed meanwhile:
 * PERIOD_CLOSED) is a BPMN error with its code, or ends the case when the diagram sets {@code refusalErrorCode}.
 */
@Component("opusOkonomiJournalConnector")
class OpusOkonomiJournalConnector extends Connector {

    static final ConnectorInput POSTING_DATE = ConnectorInput.required("postingDate");
    static final ConnectorInput DESCRIPTION = ConnectorInput.required("description");
    static final ConnectorInput REFERENCE = ConnectorInput.required("reference");
    static final ConnectorInput LINES = ConnectorInput.required("linesVariable");
    static final List<ConnectorInput> INPUTS = List.of(POSTING_DATE, DESCRIPTION, REFERENCE, LINES, REFUSAL_ERROR_CODE,
            RESULT_VARIABLE);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<List<OpusOekonomiPort.JournalLine>> LINE_LIST = new TypeReference<>() { };

    private final OpusOekonomiPort opus;

    OpusOkonomiJournalConnector(OpusOekonomiPort opus) {
        super(INPUTS, Effect.MOVES_MONEY);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        OpusOekonomiPort.Journal journal = new OpusOekonomiPort.Journal(
                LocalDate.parse(POSTING_DATE.text(execution).trim()),
                DESCRIPTION.text(execution),
                REFERENCE.text(execution),
                lines(execution, LINES.text(execution).trim()));
        result(execution, opus.postJournal(journal, IdempotencyKeys.of(execution)).documentNumber());
    }

    /** The lines of the named variable: a JSON variable (read from its text, amounts exact) or a list. */
    static List<OpusOekonomiPort.JournalLine> lines(DelegateExecution execution, String variable) {
        TypedValue value = execution.getVariableTyped(variable, false);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + variable + "' (input linesVariable of "
                    + execution.getCurrentActivityId() + ") is not set");
        }
        if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null) {
            return read(serializable.getValueSerialized(), variable);
        }
        if (value.getValue() instanceof Collection<?> list) {
            return JSON.convertValue(list, LINE_LIST);
        }
        return read(String.valueOf(value.getValue()), variable);
    }

    private static List<OpusOekonomiPort.JournalLine> read(String json, String variable) {
        try {
            return JSON.readValue(json, LINE_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Process variable '" + variable + "' is not a list of journal lines", e);
        }
    }
}
