package dk.kk.ks.flow.connectors;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;

/**
 * "ServiceNow: opdater sag": sets a record's state (OPEN, WORK_IN_PROGRESS, CLOSED_COMPLETE, CLOSED_INCOMPLETE,
 * CLOSED_SKIPPED) and adds a work note. An unknown record is the BPMN error RECORD_NOT_FOUND.
 */
@Component("serviceNowUpdateConnector")
class ServiceNowUpdateConnector extends Connector {

    static final ConnectorInput NUMBER = ConnectorInput.required("number");
    static final ConnectorInput STATE = ConnectorInput.required("state");
    static final ConnectorInput WORK_NOTE = ConnectorInput.required("workNote");
    static final List<ConnectorInput> INPUTS = List.of(NUMBER, STATE, WORK_NOTE);

    private final ServiceNowPort serviceNow;

    ServiceNowUpdateConnector(ServiceNowPort serviceNow) {
        super(INPUTS, true);
        this.serviceNow = serviceNow;
    }

    @Override
    protected void run(DelegateExecution execution) {
        ServiceNowPort.State state = ServiceNowPort.State.valueOf(STATE.text(execution).trim());
        serviceNow.update(NUMBER.text(execution), state, WORK_NOTE.text(execution), IdempotencyKeys.of(execution));
    }
}
