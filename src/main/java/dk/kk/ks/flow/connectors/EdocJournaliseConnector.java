package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.edoc.EdocPort;

/**
 * "eDoc: journalisér dokument": a document (bytes, or text stored as UTF-8) on a case; the result is the
 * document id. An unknown case is eDoc's BPMN error.
 */
@Component("edocJournaliseConnector")
class EdocJournaliseConnector extends Connector {

    static final ConnectorInput CASE_NUMBER = ConnectorInput.required("caseNumber");
    static final ConnectorInput TITLE = ConnectorInput.required("title");
    static final ConnectorInput DOCUMENT_TYPE = ConnectorInput.required("documentType");
    static final ConnectorInput FILENAME = ConnectorInput.required("filename");
    static final ConnectorInput CONTENT = ConnectorInput.required("content");
    static final List<ConnectorInput> INPUTS = List.of(CASE_NUMBER, TITLE, DOCUMENT_TYPE, FILENAME, CONTENT, RESULT_VARIABLE);

    private final EdocPort edoc;

    EdocJournaliseConnector(EdocPort edoc) {
        super(INPUTS, true);
        this.edoc = edoc;
    }

    @Override
    protected void run(DelegateExecution execution) {
        EdocPort.NewDocument document = new EdocPort.NewDocument(TITLE.text(execution), DOCUMENT_TYPE.text(execution),
                FILENAME.text(execution), CONTENT.bytes(execution));
        result(execution, edoc.journalise(CASE_NUMBER.text(execution), document, IdempotencyKeys.of(execution)));
    }
}
