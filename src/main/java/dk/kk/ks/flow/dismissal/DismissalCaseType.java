package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;

@Component
class DismissalCaseType extends CaseType<DismissalRequest> {

    static final String PROCESS_KEY = "dismissal";

    DismissalCaseType() {
        super("dismissals", PROCESS_KEY, DismissalRequest.class);
    }

    @Override
    public Map<String, Object> startVariables(DismissalRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(EMPLOYEE_NUMBER.name(), request.employeeNumber());
        variables.put(REASON_CATEGORY.name(), request.reasonCategory().name());
        variables.put(REASON_TEXT.name(), request.reasonText());
        variables.put(REQUESTED_BY.name(), request.requestedBy());
        return variables;
    }

    @Override
    public Map<String, Object> result(Map<String, Object> variables) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("edocCaseNumber", EDOC_CASE_NUMBER.from(variables));
        result.put("hearingDeadline", HEARING_DEADLINE.from(variables));
        result.put("noticeDate", NOTICE_DATE.from(variables));
        result.put("terminationDate", TERMINATION_DATE.from(variables));
        result.put("severanceMonths", SEVERANCE_MONTHS.from(variables));
        return result;
    }

    @Override
    public Class<DismissalResult> resultType() {
        return DismissalResult.class;
    }

    @Override
    protected List<Outcome> possibleOutcomes() {
        return List.of(Outcome.DISMISSED, Outcome.WITHDRAWN, Outcome.REJECTED);
    }

    @Override
    protected List<Reason> possibleReasons() {
        return List.of(Reason.UNKNOWN_EMPLOYEE);
    }
}
