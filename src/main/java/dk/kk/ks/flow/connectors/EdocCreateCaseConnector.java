package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.edoc.EdocPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "eDoc: opret personalesag": a personnel case (KLE 81.03.00) with the employee as party; the result is the case
 * number. The diagram names the employee by employee number; the connector reads the party's CPR number and name
 * from Opus Løn itself, so the CPR number is never an input parameter (input parameters are kept in the history).
 */
@Component("edocCreateCaseConnector")
class EdocCreateCaseConnector extends Connector {

    static final ConnectorInput TITLE = ConnectorInput.required("title");
    static final ConnectorInput EMPLOYEE_NUMBER = ConnectorInput.required("employeeNumber");
    static final List<ConnectorInput> INPUTS = List.of(TITLE, EMPLOYEE_NUMBER, RESULT_VARIABLE);

    private final EdocPort edoc;
    private final OpusLonPort opus;

    EdocCreateCaseConnector(EdocPort edoc, OpusLonPort opus) {
        super(INPUTS, true);
        this.edoc = edoc;
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        OpusLonPort.Employee employee = Employees.require(opus, EMPLOYEE_NUMBER.text(execution));
        String caseNumber = edoc.createPersonnelCase(TITLE.text(execution),
                new EdocPort.Party(employee.cpr(), employee.name()), IdempotencyKeys.of(execution));
        result(execution, caseNumber);
    }
}
