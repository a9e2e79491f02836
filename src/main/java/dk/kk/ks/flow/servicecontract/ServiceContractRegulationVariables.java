package dk.kk.ks.flow.servicecontract;

import java.util.List;
import java.util.Map;

import dk.kk.ks.flow.platform.Var;

/** The variables of the service-contract regulation process, by name and type. */
final class ServiceContractRegulationVariables {

    static final Var<String> CONTRACT_NUMBER = Var.of("contractNumber", String.class);
    static final Var<String> DEPARTMENT = Var.of("department", String.class);
    /** ISO date, the first day of a month. */
    static final Var<String> EFFECTIVE_FROM = Var.of("effectiveFrom", String.class);
    static final Var<Integer> QUANTITY_CHANGE = Var.of("quantityChange", Integer.class);
    static final Var<String> REASON = Var.of("reason", String.class);
    /** The contract as read from the register in ServiceNow ("ServiceNow: hent servicekontrakt"): found, department, ... */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Var<Map<String, Object>> CONTRACT = Var.of("kontrakt", (Class<Map<String, Object>>) (Class) Map.class);
    /** From the contract register (set when the contract exists). */
    static final Var<Double> UNIT_PRICE = Var.of("unitPricePerMonth", Double.class);
    /** Months from effectiveFrom to the end of its year: 13 - month. */
    static final Var<Integer> MONTHS = Var.of("months", Integer.class);
    /** Kroner, signed: what the decision table and the form read. */
    static final Var<Double> AMOUNT = Var.of("amount", Double.class);
    /** The text of the internal settlement in Opus Økonomi: the contract and the requester's reason. */
    static final Var<String> SETTLEMENT_TEXT = Var.of("settlementText", String.class);
    /** From the decision table: the groups that must review the regulation; empty: posted automatically. */
    static final Var<List<String>> REVIEWER_GROUPS = Var.stringList("reviewerGroups");
    /** Set by the review form. */
    static final Var<Boolean> APPROVED = Var.of("approved", Boolean.class);
    static final Var<String> COMMENT = Var.of("comment", String.class);
    static final Var<String> REVIEWED_BY = Var.of("reviewedBy", String.class);
    static final Var<String> OPUS_DOCUMENT_NUMBER = Var.of("opusDocumentNumber", String.class);

    private ServiceContractRegulationVariables() {
    }
}
