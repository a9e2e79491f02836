package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister;

/**
 * "ServiceNow: hent servicekontrakt": an internal service contract from the contract register in ServiceNow; the result
 * has found, contractNumber, department, unitPricePerMonth (a number; a rule that needs it exact reads it with
 * {@code new BigDecimal(value.toString())}), activeFrom and activeTo (yyyy-MM-dd, null when open). A contract ServiceNow
 * holds but KS Flow cannot read, and a refusal by ServiceNow (a contract table it does not have), are incidents for
 * operations (the register or the configuration to correct), not a result or a BPMN error.
 */
@Component("serviceNowContractConnector")
class ServiceNowContractConnector extends Connector {

    static final ConnectorInput CONTRACT_NUMBER = ConnectorInput.required("contractNumber");
    static final List<ConnectorInput> INPUTS = List.of(CONTRACT_NUMBER, RESULT_VARIABLE);

    private final ServiceContractRegister register;

    ServiceNowContractConnector(ServiceContractRegister register) {
        super(INPUTS, false);
        this.register = register;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Optional<ServiceContractRegister.ServiceContract> found;
        try {
            found = register.find(CONTRACT_NUMBER.text(execution).trim());
        } catch (ExternalRejectionException refused) {
            throw new IllegalStateException("ServiceNow refused to read the contract register: " + refused.code(), refused);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        found.ifPresentOrElse(contract -> {
            result.put("found", true);
            result.put("contractNumber", contract.contractNumber());
            result.put("department", contract.department());
            result.put("unitPricePerMonth", contract.unitPricePerMonth());
            result.put("activeFrom", contract.activeFrom() == null ? null : contract.activeFrom().toString());
            result.put("activeTo", contract.activeTo() == null ? null : contract.activeTo().toString());
        }, () -> result.put("found", false));
        result(execution, result);
    }
}
