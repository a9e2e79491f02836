package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;

/**
 * "ServiceNow: søg sager": the records of a table matching an encoded query; the result is a list of the
 * records' fields (a multi-instance can run over it: {@code collection="${records}"}). Journal fields
 * (work notes) are left out.
 */
@Component("serviceNowQueryConnector")
class ServiceNowQueryConnector extends Connector {

    static final ConnectorInput TABLE = ConnectorInput.required("table");
    static final ConnectorInput QUERY = ConnectorInput.required("query");
    static final ConnectorInput LIMIT = ConnectorInput.optional("limit");
    static final List<ConnectorInput> INPUTS = List.of(TABLE, QUERY, LIMIT, RESULT_VARIABLE);

    private final ServiceNowPort serviceNow;

    ServiceNowQueryConnector(ServiceNowPort serviceNow) {
        super(INPUTS, false);
        this.serviceNow = serviceNow;
    }

    @Override
    protected void run(DelegateExecution execution) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, Object> row : serviceNow.query(TABLE.text(execution), QUERY.text(execution), LIMIT.integer(execution, 100))) {
            Map<String, Object> record = new LinkedHashMap<>();
            row.forEach((field, value) -> {
                if (!field.startsWith("work_notes") && (value == null || value instanceof String || value instanceof Number
                        || value instanceof Boolean)) {
                    record.put(field, value);
                }
            });
            records.add(record);
        }
        result(execution, records);
    }
}
