package dk.kk.ks.flow.connectors;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * An amount input in kroner, as the external systems take it: with øre (two decimals). A process variable holds
 * kroner as a number ({@code ${amount}}, a Double) or as text; both become the same exact amount.
 */
final class KronerInput {

    private KronerInput() {
    }

    static BigDecimal of(ConnectorInput input, DelegateExecution execution) {
        return of(input.value(execution));
    }

    /** A value in kroner (a number or text) with øre; null when there is none. */
    static BigDecimal of(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        BigDecimal amount;
        if (value instanceof BigDecimal decimal) {
            amount = decimal;
        } else if (value instanceof Double || value instanceof Float) {
            amount = BigDecimal.valueOf(((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            amount = new BigDecimal(number.toString());
        } else {
            amount = new BigDecimal(String.valueOf(value).trim());
        }
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
