package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;

/** "ServiceNow: læs sag": a record by its number; the result has found, number, sysId and state. */
@Component("serviceNowReadConnector")
class ServiceNowReadConnector extends Connector {

    static final ConnectorInput NUMBER = ConnectorInput.required("number");
    static final List<ConnectorInput> INPUTS = List.of(NUMBER, RESULT_VARIABLE);

    private final ServiceNowPort serviceNow;

    ServiceNowReadConnector(ServiceNowPort serviceNow) {
        super(INPUTS, false);
        this.serviceNow = serviceNow;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Map<String, Object> result = new LinkedHashMap<>();
        serviceNow.findByNumber(NUMBER.text(execution)).ifPresentOrElse(found -> {
            result.put("found", true);
            result.put("number", found.number());
            result.put("sysId", found.sysId());
            result.put("state", found.state());
        }, () -> result.put("found", false));
        result(execution, result);
    }
}
