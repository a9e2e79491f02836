package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.edoc.EdocPort;

/** "eDoc: opret personalesag": a personnel case (KLE 81.03.00) with the employee as party; the result is the case number. */
@Component("edocCreateCaseConnector")
class EdocCreateCaseConnector extends Connector {

    static final ConnectorInput TITLE = ConnectorInput.required("title");
    static final ConnectorInput PARTY_CPR = ConnectorInput.required("partyCpr");
    static final ConnectorInput PARTY_NAME = ConnectorInput.required("partyName");
    static final List<ConnectorInput> INPUTS = List.of(TITLE, PARTY_CPR, PARTY_NAME, RESULT_VARIABLE);

    private final EdocPort edoc;

    EdocCreateCaseConnector(EdocPort edoc) {
        super(INPUTS, true);
        this.edoc = edoc;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String caseNumber = edoc.createPersonnelCase(TITLE.text(execution),
                new EdocPort.Party(PARTY_CPR.text(execution), PARTY_NAME.text(execution)), IdempotencyKeys.of(execution));
        result(execution, caseNumber);
    }
}
