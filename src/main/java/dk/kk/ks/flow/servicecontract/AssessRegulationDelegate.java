package dk.kk.ks.flow.servicecontract;

import static dk.kk.ks.flow.servicecontract.ServiceContractRegulationVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.CaseVariables;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister.ServiceContract;

/**
 * "Slå kontrakten op": reads the contract from the register in ServiceNow, then the rules: when the contract
 * exists, the amount and the text of the settlement; and the reasons to reject, which refuse the case ("Regulering afvist"; none: the regulation
 * may be posted).
 */
@Component("assessRegulation")
class AssessRegulationDelegate implements JavaDelegate {

    static final String CONTRACT_INVALID = "CONTRACT_INVALID";

    private final ServiceContractRegister register;

    AssessRegulationDelegate(ServiceContractRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<ServiceContract> contract = register.find(CONTRACT_NUMBER.require(execution));
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
}
