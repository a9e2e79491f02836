package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.platform.Kroner;

@Component
class PaymentCardCaseType extends CaseType<PaymentCardRequest> {

    static final String PROCESS_KEY = "payment-card";

    PaymentCardCaseType() {
        super("payment-cards", PROCESS_KEY, PaymentCardRequest.class);
    }

    @Override
    public List<FieldError> validate(PaymentCardRequest request) {
        if (request.action() == PaymentCardRequest.Action.ORDER && request.monthlyLimit() == null) {
            return List.of(new FieldError("monthlyLimit", "is required when action is ORDER"));
        }
        return List.of();
    }

    @Override
    public Map<String, Object> startVariables(PaymentCardRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ACTION.name(), request.action().name());
        variables.put(EMPLOYEE_NUMBER.name(), request.employeeNumber());
        if (request.action() == PaymentCardRequest.Action.ORDER) {
            variables.put(MONTHLY_LIMIT.name(), request.monthlyLimit().doubleValue());
        }
        variables.put(REQUESTED_BY.name(), request.requestedBy());
        variables.put(APPROVALS.name(), new ArrayList<String>());
        return variables;
    }

    @Override
    public Map<String, Object> result(Map<String, Object> variables) {
        List<String> approvals = APPROVALS.from(variables);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approvals", approvals == null ? List.of() : approvals);
        result.put("cardId", CARD_ID.from(variables));
        String approver = APPROVER.from(variables);
        if (approver != null) {
            result.put("approver", approver);
        }
        Boolean escalated = ESCALATED.from(variables);
        if (escalated != null) {
            result.put("escalated", escalated);
        }
        List<String> closed = CLOSED_CARD_IDS.from(variables);
        if (closed != null) {
            result.put("closedCardIds", closed);
        }
        return result;
    }

    @Override
    public String workNoteSummary(Map<String, Object> variables) {
        String cardId = CARD_ID.from(variables);
        if (cardId == null) {
            return null;
        }
        if ("CLOSE".equals(ACTION.from(variables))) {
            List<String> closed = CLOSED_CARD_IDS.from(variables);
            return "Spærret hos kortudstederen: " + String.join(", ", closed == null ? List.of(cardId) : closed) + ".";
        }
        Double limit = MONTHLY_LIMIT.from(variables);
        return "Betalingskort " + cardId + " bestilt hos kortudstederen"
                + (limit == null ? "." : " med en månedlig grænse på " + Kroner.format(BigDecimal.valueOf(limit)) + ".");
    }

    @Override
    public Class<PaymentCardResult> resultType() {
        return PaymentCardResult.class;
    }

    @Override
    protected List<Outcome> possibleOutcomes() {
        return List.of(Outcome.ORDERED, Outcome.CLOSED, Outcome.REJECTED, Outcome.EXPIRED);
    }

    @Override
    protected List<Reason> possibleReasons() {
        return List.of(Reason.LIMIT_ABOVE_MAXIMUM, Reason.NO_MANAGER, Reason.NO_MANAGER_ABOVE_REQUESTER, Reason.NO_OPEN_CARD,
                Reason.REJECTED_BY_APPROVER, Reason.REJECTED_BY_CASEWORKER, Reason.UNKNOWN_EMPLOYEE);
    }
}
