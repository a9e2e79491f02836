package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;

/**
 * "Digital Post: send brev": a PDF letter to a citizen (CPR) or a company (CVR); the result is Digital Post's
 * message id. The message id follows from the idempotency key, so a retried job delivers once.
 */
@Component("digitalPostSendConnector")
class DigitalPostSendConnector extends Connector {

    static final ConnectorInput RECIPIENT_ID = ConnectorInput.required("recipientId");
    static final ConnectorInput RECIPIENT_ID_TYPE = ConnectorInput.required("recipientIdType");
    static final ConnectorInput RECIPIENT_NAME = ConnectorInput.optional("recipientName");
    static final ConnectorInput LABEL = ConnectorInput.required("label");
    static final ConnectorInput LEGAL_NOTIFICATION = ConnectorInput.optional("legalNotification");
    static final ConnectorInput CASE_NUMBER = ConnectorInput.optional("caseNumber");
    static final ConnectorInput DOCUMENT = ConnectorInput.required("document");
    static final ConnectorInput FILENAME = ConnectorInput.required("filename");
    static final List<ConnectorInput> INPUTS = List.of(RECIPIENT_ID, RECIPIENT_ID_TYPE, RECIPIENT_NAME, LABEL, LEGAL_NOTIFICATION,
            CASE_NUMBER, DOCUMENT, FILENAME, RESULT_VARIABLE);

    private final DigitalPostPort digitalPost;

    DigitalPostSendConnector(DigitalPostPort digitalPost) {
        super(INPUTS, true);
        this.digitalPost = digitalPost;
    }

    @Override
    protected void run(DelegateExecution execution) {
        DigitalPostPort.IdType idType = DigitalPostPort.IdType.valueOf(RECIPIENT_ID_TYPE.text(execution).trim());
        DigitalPostPort.Letter letter = new DigitalPostPort.Letter(RECIPIENT_ID.text(execution), idType, RECIPIENT_NAME.text(execution),
                LABEL.text(execution), idType == DigitalPostPort.IdType.CPR && LEGAL_NOTIFICATION.bool(execution, false),
                CASE_NUMBER.text(execution), DOCUMENT.bytes(execution), FILENAME.text(execution));
        result(execution, digitalPost.send(letter, IdempotencyKeys.of(execution)));
    }
}
