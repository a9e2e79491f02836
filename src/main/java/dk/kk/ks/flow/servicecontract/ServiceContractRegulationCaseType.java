package dk.kk.ks.flow.servicecontract;

import static dk.kk.ks.flow.servicecontract.ServiceContractRegulationVariables.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.cases.CaseVariables;
import dk.kk.ks.flow.platform.Kroner;

@Component
class ServiceContractRegulationCaseType extends CaseType<ServiceContractRegulationRequest> {

    static final String PROCESS_KEY = "service-contract-regulation";

    ServiceContractRegulationCaseType() {
        super("service-contract-regulations", PROCESS_KEY, ServiceContractRegulationRequest.class);
    }

    @Override
    public Map<String, Object> startVariables(ServiceContractRegulationRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(CONTRACT_NUMBER.name(), request.contractNumber().trim());
        variables.put(DEPARTMENT.name(), request.department().trim());
        variables.put(EFFECTIVE_FROM.name(), request.effectiveFrom().toString());
        variables.put(QUANTITY_CHANGE.name(), request.quantityChange().intValueExact());
        variables.put(REASON.name(), request.reason());
        return variables;
    }

    @Override
    public Map<String, Object> result(Map<String, Object> variables) {
        Double amount = AMOUNT.from(variables);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("amount", amount == null ? null : BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP));
        result.put("automatic", automatic(REVIEWER_GROUPS.from(variables), CaseVariables.OUTCOME.from(variables)));
        result.put("opusDocumentNumber", OPUS_DOCUMENT_NUMBER.from(variables));
        return result;
    }

    /** No human step: no review was needed (or the case ended before one could be); null while undecided. */
    static Boolean automatic(List<String> reviewerGroups, String outcome) {
        if (reviewerGroups != null) {
            return reviewerGroups.isEmpty();
        }
        return outcome == null ? null : Boolean.TRUE;
    }

    @Override
    public String workNoteSummary(Map<String, Object> variables) {
        Double amount = AMOUNT.from(variables);
        if (amount == null) {
            return null;
        }
        StringBuilder summary = new StringBuilder("Beløb: ").append(Kroner.format(amount))
                .append(" (").append(QUANTITY_CHANGE.from(variables)).append(" x ")
                .append(Kroner.format(UNIT_PRICE.from(variables))).append(" x ")
                .append(MONTHS.from(variables)).append(" mdr.).");
        String document = OPUS_DOCUMENT_NUMBER.from(variables);
        if (document != null) {
            summary.append(Boolean.TRUE.equals(automatic(REVIEWER_GROUPS.from(variables), "POSTED"))
                            ? " Bogført automatisk" : " Bogført efter gennemgang")
                    .append(" i Opus Økonomi som bilag ").append(document).append('.');
        }
        return summary.toString();
    }

    @Override
    public Class<ServiceContractRegulationResult> resultType() {
        return ServiceContractRegulationResult.class;
    }

    @Override
    protected List<Outcome> possibleOutcomes() {
        return List.of(Outcome.POSTED, Outcome.REJECTED);
    }

    @Override
    protected List<Reason> possibleReasons() {
        return List.of(Reason.CONTRACT_INACTIVE, Reason.PERIOD_CLOSED, Reason.REJECTED_BY_REVIEWER, Reason.UNKNOWN_CONTRACT,
                Reason.WRONG_DEPARTMENT);
    }
}
