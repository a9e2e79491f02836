package dk.kk.ks.flow.connectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One input of a connector: a {@code camunda:inputParameter} of the service task, read as a local variable.
 * A connector declares its inputs once (its {@code INPUTS} constant) and reads them only through these,
 * so the element-template test can compare the template with what the connector reads.
 */
public record ConnectorInput(String name, boolean required) {

    /** The input parameter that names the variable the connector writes its result to. */
    public static final ConnectorInput RESULT_VARIABLE = required("resultVariable");

    /**
     * The optional input "Fejlkode ved afvisning": when set, the system's refusal ends the case REJECTED with the
     * system's code as its reason and is thrown as a BPMN error with this code (see {@link Connector}).
     */
    public static final ConnectorInput REFUSAL_ERROR_CODE = optional("refusalErrorCode");

    public static ConnectorInput required(String name) {
        return new ConnectorInput(name, true);
    }

    public static ConnectorInput optional(String name) {
        return new ConnectorInput(name, false);
    }

    /** The raw value; a missing or blank required input is a modelling error (an incident, not a retry that helps). */
    public Object value(DelegateExecution execution) {
        Object value = execution.getVariableLocal(name);
        if (required && (value == null || value instanceof String text && text.isBlank())) {
            throw new IllegalStateException("Input parameter '" + name + "' of " + execution.getCurrentActivityId() + " is not set");
        }
        return value;
    }

    /** The value as text (null when an optional input is not set). */
    public String text(DelegateExecution execution) {
        Object value = value(execution);
        return value == null ? null : String.valueOf(value);
    }

    public String text(DelegateExecution execution, String fallback) {
        String value = text(execution);
        return value == null || value.isBlank() ? fallback : value;
    }

    public boolean bool(DelegateExecution execution, boolean fallback) {
        Object value = value(execution);
        if (value instanceof Boolean flag) {
            return flag;
        }
        return value == null || String.valueOf(value).isBlank() ? fallback : Boolean.parseBoolean(String.valueOf(value).trim());
    }

    public int integer(DelegateExecution execution, int fallback) {
        Object value = value(execution);
        if (value instanceof Number number) {
            return number.intValue();
        }
        return value == null || String.valueOf(value).isBlank() ? fallback : Integer.parseInt(String.valueOf(value).trim());
    }

    /** A document's content: bytes as they are, text as UTF-8. */
    public byte[] bytes(DelegateExecution execution) {
        Object value = value(execution);
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
