package dk.kk.ks.flow.connectors;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** "Opus Løn: registrer fratrædelse": the last day (yyyy-MM-dd) and the reason. Opus's refusal is a BPMN error with its code. */
@Component("opusTerminationConnector")
class OpusTerminationConnector extends Connector {

    static final ConnectorInput EMPLOYEE_NUMBER = ConnectorInput.required("employeeNumber");
    static final ConnectorInput TERMINATION_DATE = ConnectorInput.required("terminationDate");
    static final ConnectorInput REASON = ConnectorInput.required("reason");
    static final List<ConnectorInput> INPUTS = List.of(EMPLOYEE_NUMBER, TERMINATION_DATE, REASON);

    private final OpusLonPort opus;

    OpusTerminationConnector(OpusLonPort opus) {
        super(INPUTS, true);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        opus.registerTermination(EMPLOYEE_NUMBER.text(execution),
                new OpusLonPort.Termination(LocalDate.parse(TERMINATION_DATE.text(execution).trim()), REASON.text(execution)),
                IdempotencyKeys.of(execution));
    }
}
