package dk.kk.ks.flow.invoicepayout;

import static dk.kk.ks.flow.invoicepayout.InvoicePayoutVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;

@Component
class InvoicePayoutCaseType extends CaseType<InvoicePayoutRequest> {

    static final String PROCESS_KEY = "invoice-payout";

    InvoicePayoutCaseType() {
        super("invoice-payouts", PROCESS_KEY, InvoicePayoutRequest.class);
    }

    @Override
    public Map<String, Object> startVariables(InvoicePayoutRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(DEBTOR_NUMBER.name(), request.debtorNumber());
        variables.put(PAYEE.name(), request.payee());
        variables.put(AMOUNT.name(), request.amount().doubleValue());
        variables.put(REASON.name(), request.reason());
        variables.put(REQUESTED_BY.name(), request.requestedBy());
        variables.put(APPROVED_BY.name(), List.of());
        return variables;
    }

    @Override
    public Map<String, Object> result(Map<String, Object> variables) {
        List<String> required = APPROVER_GROUPS.from(variables);
        List<String> approvedBy = APPROVED_BY.from(variables);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approvalsRequired", required == null ? List.of() : required);
        result.put("approvedBy", approvedBy == null ? List.of() : approvedBy);
        return result;
    }

    @Override
    public Class<InvoicePayoutResult> resultType() {
        return InvoicePayoutResult.class;
    }

    @Override
    protected List<Outcome> possibleOutcomes() {
        return List.of(Outcome.PAID, Outcome.REJECTED);
    }

    @Override
    protected List<Reason> possibleReasons() {
        return List.of(Reason.DEBTOR_BLOCKED, Reason.EXPIRED, Reason.REJECTED_BY_APPROVER);
    }
}
