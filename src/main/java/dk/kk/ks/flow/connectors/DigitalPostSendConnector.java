package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.digitalpost.DigitalPostPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Digital Post: send brev": a PDF letter to an employee or to a company (CVR); the result is Digital Post's
 * message id. An employee is named by employee number and the connector reads the CPR number and name from
 * Opus Løn itself, so no CPR number is ever an input parameter (input parameters are kept in the history).
 * The message id follows from the idempotency key, so a retried job delivers once.
 */
@Component("digitalPostSendConnector")
class DigitalPostSendConnector extends Connector {

    /** The kinds of recipient the template offers. */
    enum RecipientType { EMPLOYEE, CVR }

    static final ConnectorInput RECIPIENT_ID = ConnectorInput.required("recipientId");
    static final ConnectorInput RECIPIENT_TYPE = ConnectorInput.required("recipientType");
    static final ConnectorInput RECIPIENT_NAME = ConnectorInput.optional("recipientName");
    static final ConnectorInput LABEL = ConnectorInput.required("label");
    static final ConnectorInput LEGAL_NOTIFICATION = ConnectorInput.optional("legalNotification");
    static final ConnectorInput CASE_NUMBER = ConnectorInput.optional("caseNumber");
    static final ConnectorInput DOCUMENT = ConnectorInput.required("document");
    static final ConnectorInput FILENAME = ConnectorInput.required("filename");
    static final List<ConnectorInput> INPUTS = List.of(RECIPIENT_ID, RECIPIENT_TYPE, RECIPIENT_NAME, LABEL, LEGAL_NOTIFICATION,
            CASE_NUMBER, DOCUMENT, FILENAME, RESULT_VARIABLE);

    private final DigitalPostPort digitalPost;
    private final OpusLonPort opus;

    DigitalPostSendConnector(DigitalPostPort digitalPost, OpusLonPort opus) {
        super(INPUTS, true);
        this.digitalPost = digitalPost;
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        RecipientType type = RecipientType.valueOf(RECIPIENT_TYPE.text(execution).trim());
        String id;
        String name = RECIPIENT_NAME.text(execution);
        DigitalPostPort.IdType idType;
        if (type == RecipientType.EMPLOYEE) {
            OpusLonPort.Employee employee = Employees.require(opus, RECIPIENT_ID.text(execution).trim());
            id = employee.cpr();
            idType = DigitalPostPort.IdType.CPR;
            name = name == null || name.isBlank() ? employee.name() : name;
        } else {
            id = RECIPIENT_ID.text(execution).trim();
            idType = DigitalPostPort.IdType.CVR;
        }
        DigitalPostPort.Letter letter = new DigitalPostPort.Letter(id, idType, name, LABEL.text(execution),
                idType == DigitalPostPort.IdType.CPR && LEGAL_NOTIFICATION.bool(execution, false),
                CASE_NUMBER.text(execution), DOCUMENT.bytes(execution), FILENAME.text(execution));
        result(execution, digitalPost.send(letter, IdempotencyKeys.of(execution)));
    }
}
