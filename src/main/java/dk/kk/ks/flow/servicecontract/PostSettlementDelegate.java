package dk.kk.ks.flow.servicecontract;

import static dk.kk.ks.flow.servicecontract.ServiceContractRegulationVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;

/**
 * "Bogfør intern afregning i Opus Økonomi": the regulation is posted. Opus's refusal (a closed period)
 * ends the case REJECTED with Opus's code.
 */
@Component("postInternalSettlement")
class PostSettlementDelegate implements JavaDelegate {

    static final String OPUS_REFUSED = "OPUS_REFUSED";

    private final OpusOekonomiPort opus;

    PostSettlementDelegate(OpusOekonomiPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String contractNumber = CONTRACT_NUMBER.require(execution);
        String reason = REASON.get(execution);
        OpusOekonomiPort.InternalSettlement settlement = new OpusOekonomiPort.InternalSettlement(
                contractNumber,
                DEPARTMENT.require(execution),
                LocalDate.parse(EFFECTIVE_FROM.require(execution)),
                QUANTITY_CHANGE.require(execution),
                kroner(UNIT_PRICE.require(execution)),
                MONTHS.require(execution),
                kroner(AMOUNT.require(execution)),
                "Regulering af servicekontrakt " + contractNumber + (reason == null || reason.isBlank() ? "" : ": " + reason),
                execution.getProcessBusinessKey());
        try {
            OPUS_DOCUMENT_NUMBER.set(execution, opus.postInternalSettlement(settlement, IdempotencyKeys.of(execution)).documentNumber());
            CaseOutcome.set(execution, Outcome.POSTED);
        } catch (ExternalRejectionException refused) {
            throw CaseOutcome.refusal(execution, OPUS_REFUSED, List.of(refused.code()));
        }
    }

    private static BigDecimal kroner(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
