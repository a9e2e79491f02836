package dk.kk.ks.flow.invoicepayout;

import java.util.List;

import dk.kk.ks.flow.platform.Var;

/** The variables of the invoice-payout process, by name and type. */
final class InvoicePayoutVariables {

    static final Var<String> DEBTOR_NUMBER = Var.of("debtorNumber", String.class);
    static final Var<String> PAYEE = Var.of("payee", String.class);
    /** Kroner as a number: what the decision table and the form read. */
    static final Var<Double> AMOUNT = Var.of("amount", Double.class);
    static final Var<String> REASON = Var.of("reason", String.class);
    static final Var<String> REQUESTED_BY = Var.of("requestedBy", String.class);
    /** From the decision table: the group of each approval needed, in order. */
    static final Var<List<String>> APPROVER_GROUPS = Var.stringList("approverGroups");
    /** Set by the approval form: the approver's decision and comment. */
    static final Var<Boolean> APPROVED = Var.of("approved", Boolean.class);
    static final Var<String> COMMENT = Var.of("comment", String.class);
    /** User ids of the approvals given so far (four eyes). */
    static final Var<List<String>> APPROVED_BY = Var.stringList("approvedBy");
    /** Why the payout was stopped (EXPIRED, REJECTED_BY_APPROVER, or Opus's code), set in the diagram. */
    static final Var<String> REJECTION_REASON = Var.of("rejectionReason", String.class);

    private InvoicePayoutVariables() {
    }
}
