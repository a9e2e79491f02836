package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.REFUSAL_ERROR_CODE;
import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;

/**
 * "Opus Økonomi: bogfør intern afregning": the internal settlement of a regulated service contract (contract,
 * department, effective from yyyy-MM-dd, quantity change, unit price per month, months, amount in kroner, the text
 * of the document and the case's reference) is posted; the result is Opus's document number. Opus's refusal (a
 * closed period: PERIOD_CLOSED) is a BPMN error with its code, or ends the case when the diagram sets
 * {@code refusalErrorCode}.
 */
@Component("opusOkonomiSettlementConnector")
class OpusOkonomiSettlementConnector extends Connector {

    static final ConnectorInput CONTRACT_NUMBER = ConnectorInput.required("contractNumber");
    static final ConnectorInput DEPARTMENT = ConnectorInput.required("department");
    static final ConnectorInput EFFECTIVE_FROM = ConnectorInput.required("effectiveFrom");
    static final ConnectorInput QUANTITY_CHANGE = ConnectorInput.required("quantityChange");
    static final ConnectorInput UNIT_PRICE = ConnectorInput.required("unitPricePerMonth");
    static final ConnectorInput MONTHS = ConnectorInput.required("months");
    static final ConnectorInput AMOUNT = ConnectorInput.required("amount");
    static final ConnectorInput TEXT = ConnectorInput.required("text");
    static final ConnectorInput REFERENCE = ConnectorInput.required("reference");
    static final List<ConnectorInput> INPUTS = List.of(CONTRACT_NUMBER, DEPARTMENT, EFFECTIVE_FROM, QUANTITY_CHANGE, UNIT_PRICE,
            MONTHS, AMOUNT, TEXT, REFERENCE, REFUSAL_ERROR_CODE, RESULT_VARIABLE);

    private final OpusOekonomiPort opus;

    OpusOkonomiSettlementConnector(OpusOekonomiPort opus) {
        super(INPUTS, Effect.MOVES_MONEY);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        OpusOekonomiPort.InternalSettlement settlement = new OpusOekonomiPort.InternalSettlement(
                CONTRACT_NUMBER.text(execution),
                DEPARTMENT.text(execution),
                LocalDate.parse(EFFECTIVE_FROM.text(execution).trim()),
                QUANTITY_CHANGE.integer(execution, 0),
                KronerInput.of(UNIT_PRICE, execution),
                MONTHS.integer(execution, 0),
                KronerInput.of(AMOUNT, execution),
                TEXT.text(execution),
                REFERENCE.text(execution));
        result(execution, opus.postInternalSettlement(settlement, IdempotencyKeys.of(execution)).documentNumber());
    }
}
