package dk.kk.ks.flow.paymentcard;

import java.util.List;

import dk.kk.ks.flow.platform.Var;

/** The variables of the payment-card process, by name and type. */
final class PaymentCardVariables {

    /** ORDER or CLOSE. */
    static final Var<String> ACTION = Var.of("action", String.class);
    static final Var<String> EMPLOYEE_NUMBER = Var.of("employeeNumber", String.class);
    /** Kroner per month, as a number: what the decision table and the form read (ORDER only). */
    static final Var<Double> MONTHLY_LIMIT = Var.of("monthlyLimit", Double.class);
    static final Var<String> REQUESTED_BY = Var.of("requestedBy", String.class);
    /** From Opus: the employee's name and user id (the employee never approves their own card). */
    static final Var<String> EMPLOYEE_NAME = Var.of("employeeName", String.class);
    static final Var<String> EMPLOYEE_USER_ID = Var.of("employeeUserId", String.class);
    /** The user id the manager's approval is assigned to; null while none is found. */
    static final Var<String> APPROVER = Var.of("approver", String.class);
    static final Var<Boolean> APPROVER_FOUND = Var.of("approverFound", Boolean.class);
    /** True when the requester is the employee's manager, so the manager's manager approves. */
    static final Var<Boolean> ESCALATED = Var.of("escalated", Boolean.class);
    /** Why no approver was found, in Danish, for the caseworker who appoints one. */
    static final Var<String> APPROVER_MISSING_TEXT = Var.of("approverMissingText", String.class);
    /** From the decision table: the group of each approval the limit needs besides the manager's, in order. */
    /** Set by the approval form: the decision and the comment. */
    static final Var<Boolean> APPROVED = Var.of("approved", Boolean.class);
    static final Var<String> COMMENT = Var.of("comment", String.class);
    /** User ids of the approvals given so far, in order. */
    static final Var<List<String>> APPROVALS = Var.stringList("approvals");
    /** Set by the caseworker's form "Udpeg godkender": ASSIGN or REJECT, and the appointed user id. */
    static final Var<String> ASSIGNMENT = Var.of("assignment", String.class);
    static final Var<String> APPROVER_USER_ID = Var.of("approverUserId", String.class);
    /** The card ordered, or the (first) card blocked. */
    static final Var<String> CARD_ID = Var.of("cardId", String.class);
    /** CLOSE: every card blocked by the case. */
    static final Var<List<String>> CLOSED_CARD_IDS = Var.stringList("closedCardIds");

    private PaymentCardVariables() {
    }
}
