package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Opus Løn: hent fratrædelse": the termination date registered for the employee (yyyy-MM-dd), or the empty
 * text when Opus has none registered or does not know the employee.
 */
@Component("opusTerminationReadConnector")
class OpusTerminationReadConnector extends Connector {

    static final ConnectorInput EMPLOYEE_NUMBER = ConnectorInput.required("employeeNumber");
    static final List<ConnectorInput> INPUTS = List.of(EMPLOYEE_NUMBER, RESULT_VARIABLE);

    private final OpusLonPort opus;

    OpusTerminationReadConnector(OpusLonPort opus) {
        super(INPUTS, false);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String endDate = opus.employee(EMPLOYEE_NUMBER.text(execution))
                .map(OpusLonPort.Employee::endDate).map(Object::toString).orElse("");
        result(execution, endDate);
    }
}
