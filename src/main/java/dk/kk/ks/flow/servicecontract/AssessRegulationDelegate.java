package dk.kk.ks.flow.servicecontract;

import static dk.kk.ks.flow.servicecontract.ServiceContractRegulationVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.CaseVariables;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister.ServiceContract;

/**
 * "Vurder reguleringen": the rules, on the contract "Slå kontrakten op i ServiceNow" read from the register (the
 * variable {@code kontrakt}): when the contract exists, the amount and the text of the settlement; and the reasons to
 * reject, which refuse the case ("Regulering afvist"; none: the regulation may be posted).
 */
@Component("assessRegulation")
class AssessRegulationDelegate implements JavaDelegate {

    static final String CONTRACT_INVALID = "CONTRACT_INVALID";

    @Override
    public void execute(DelegateExecution execution) {
        Optional<ServiceContract> contract = contract(CONTRACT.require(execution));
        LocalDate effectiveFrom = LocalDate.parse(EFFECTIVE_FROM.require(execution));
        if (contract.isPresent()) {
            BigDecimal unitPrice = contract.get().unitPricePerMonth();
            UNIT_PRICE.set(execution, unitPrice.doubleValue());
            MONTHS.set(execution, RegulationRules.months(effectiveFrom));
            AMOUNT.set(execution, RegulationRules.amount(QUANTITY_CHANGE.require(execution), unitPrice, effectiveFrom).doubleValue());
            SETTLEMENT_TEXT.set(execution, RegulationRules.settlementText(CONTRACT_NUMBER.require(execution), REASON.get(execution)));
        }
        List<String> rejections = RegulationRules.rejections(contract, DEPARTMENT.require(execution), effectiveFrom);
        if (!rejections.isEmpty()) {
            throw CaseOutcome.refusal(execution, CONTRACT_INVALID, rejections);
        }
        CaseVariables.REASONS.set(execution, List.of());
    }

    /** The contract as the connector "ServiceNow: hent servicekontrakt" gives it; empty when the register has none. */
    static Optional<ServiceContract> contract(Map<String, Object> found) {
        if (!Boolean.TRUE.equals(found.get("found"))) {
            return Optional.empty();
        }
        return Optional.of(new ServiceContract((String) found.get("contractNumber"), (String) found.get("department"),
                new BigDecimal(String.valueOf(found.get("unitPricePerMonth"))), date(found.get("activeFrom")), date(found.get("activeTo"))));
    }

    private static LocalDate date(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : LocalDate.parse(String.valueOf(value));
    }
}
