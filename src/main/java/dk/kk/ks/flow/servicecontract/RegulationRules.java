package dk.kk.ks.flow.servicecontract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister.ServiceContract;

/**
 * The rules of a regulation (docs/rules.md, "Service-contract regulations"): when it is rejected, its amount, and the
 * text of its internal settlement in Opus Økonomi.
 */
final class RegulationRules {

    static final String UNKNOWN_CONTRACT = "UNKNOWN_CONTRACT";
    static final String CONTRACT_INACTIVE = "CONTRACT_INACTIVE";
    static final String WRONG_DEPARTMENT = "WRONG_DEPARTMENT";

    private RegulationRules() {
    }

    /**
     * Every reason to reject the regulation, in a fixed order; empty when it may be posted. An unknown
     * contract is the only reason there is then. Departments compare without regard to case.
     */
    static List<String> rejections(Optional<ServiceContract> contract, String department, LocalDate effectiveFrom) {
        if (contract.isEmpty()) {
            return List.of(UNKNOWN_CONTRACT);
        }
        List<String> reasons = new ArrayList<>();
        if (!contract.get().activeOn(effectiveFrom)) {
            reasons.add(CONTRACT_INACTIVE);
        }
        if (contract.get().department() == null || !contract.get().department().trim().equalsIgnoreCase(department.trim())) {
            reasons.add(WRONG_DEPARTMENT);
        }
        return List.copyOf(reasons);
    }

    /** The months from effectiveFrom to the end of its calendar year, both included: 13 - month. */
    static int months(LocalDate effectiveFrom) {
        return 13 - effectiveFrom.getMonthValue();
    }

    /** quantityChange x unitPricePerMonth x (13 - month of effectiveFrom), exact (the price has at most 2 decimals). */
    static BigDecimal amount(int quantityChange, BigDecimal unitPricePerMonth, LocalDate effectiveFrom) {
        return unitPricePerMonth.multiply(BigDecimal.valueOf((long) quantityChange * months(effectiveFrom)));
    }

    /** The settlement's text in Opus Økonomi: "Regulering af servicekontrakt SK-1: <reason>" (without ": " when no reason). */
    static String settlementText(String contractNumber, String reason) {
        return "Regulering af servicekontrakt " + contractNumber + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
