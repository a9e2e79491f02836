package dk.kk.ks.flow.connectors;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Opus Løn: registrér engangsbeløb": one-off payment lines (supplements, deductions) keyed into the employee's pay
 * (Webservice – Engangsydelser). The input {@code lines} is a list of lines, each with lineKey, wageType, date
 * (yyyy-MM-dd), hours and amount (a deduction is a negative amount), as a JSON variable or a list; Opus registers each
 * line key once, whatever is sent again. An empty list registers nothing. With {@code refusalErrorCode} set, Opus's
 * refusal ends the case (see {@link Connector}).
 */
@Component("opusOneOffPaymentConnector")
class OpusOneOffPaymentConnector extends Connector {

    static final ConnectorInput EMPLOYEE_NUMBER = ConnectorInput.required("employeeNumber");
    static final ConnectorInput REFERENCE = ConnectorInput.required("reference");
    static final ConnectorInput LINES = ConnectorInput.required("lines");
    static final List<ConnectorInput> INPUTS = List.of(EMPLOYEE_NUMBER, REFERENCE, LINES, ConnectorInput.REFUSAL_ERROR_CODE);

    private static final TypeReference<List<OpusLonPort.OneOffPaymentLine>> LINE_LIST = new TypeReference<>() { };
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final OpusLonPort opus;

    OpusOneOffPaymentConnector(OpusLonPort opus) {
        super(INPUTS, Effect.MOVES_MONEY);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        List<OpusLonPort.OneOffPaymentLine> lines = lines(execution);
        if (lines.isEmpty()) {
            return;
        }
        opus.registerOneOffPayment(new OpusLonPort.OneOffPayment(EMPLOYEE_NUMBER.text(execution).trim(), REFERENCE.text(execution),
                lines), IdempotencyKeys.of(execution));
    }

    /** The lines from a JSON variable (or its text) or a list of maps; a line without key, wage type or date is a modelling error. */
    static List<OpusLonPort.OneOffPaymentLine> lines(DelegateExecution execution) {
        Object value = LINES.value(execution);
        List<OpusLonPort.OneOffPaymentLine> lines;
        try {
            lines = value instanceof Collection<?> ? JSON.convertValue(value, LINE_LIST) : JSON.readValue(value.toString(), LINE_LIST);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("Input parameter 'lines' of " + execution.getCurrentActivityId()
                    + " is not a list of one-off payment lines", unreadable);
        }
        List<OpusLonPort.OneOffPaymentLine> exact = new ArrayList<>();
        for (OpusLonPort.OneOffPaymentLine line : lines) {
            if (line == null || line.lineKey() == null || line.wageType() == null || line.date() == null || line.amount() == null) {
                throw new IllegalStateException("Input parameter 'lines' of " + execution.getCurrentActivityId()
                        + " has a line without lineKey, wageType, date or amount");
            }
            // Kroner and hours with two decimals, as Opus takes them, whatever way the JSON variable wrote the number
            exact.add(new OpusLonPort.OneOffPaymentLine(line.lineKey(), line.wageType(), line.date(),
                    line.hours() == null ? null : line.hours().setScale(2, RoundingMode.HALF_UP), KronerInput.of(line.amount())));
        }
        return exact;
    }
}
