package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;

@Component
class ResignationCaseType extends CaseType<ResignationRequest> {

    static final String PROCESS_KEY = "resignation";

    ResignationCaseType() {
        super("resignations", PROCESS_KEY, ResignationRequest.class);
    }

    @Override
    public Map<String, Object> startVariables(ResignationRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(EMPLOYEE_NUMBER.name(), request.employeeNumber());
        variables.put(LAST_WORKING_DAY.name(), request.lastWorkingDay().toString());
        variables.put(REASON.name(), request.reason().name());
        variables.put(REPORTED_BY.name(), request.reportedBy());
        variables.put(PART_OF_OTHER_CASE.name(), false);
        return variables;
    }

    @Override
    public Map<String, Object> result(Map<String, Object> variables) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("triage", TRIAGE.from(variables));
        result.put("team", TEAM.from(variables));
        result.put("advanceHolidayDays", ADVANCE_HOLIDAY_DAYS.from(variables));
        result.put("advanceHolidayDeduction", ADVANCE_HOLIDAY_DEDUCTION.from(variables));
        result.put("paymentCardClosed", PAYMENT_CARD_CLOSED.from(variables));
        return result;
    }

    @Override
    public Class<ResignationResult> resultType() {
        return ResignationResult.class;
    }

    @Override
    protected List<Outcome> possibleOutcomes() {
        return List.of(Outcome.REGISTERED, Outcome.REJECTED);
    }

    @Override
    protected List<Reason> possibleReasons() {
        return List.of(Reason.ADVANCE_HOLIDAY, Reason.CIVIL_SERVANT, Reason.DEATH, Reason.PAYMENT_CARD_NOT_CLOSED, Reason.ROUTINE,
                Reason.UNKNOWN_EMPLOYEE);
    }
}
