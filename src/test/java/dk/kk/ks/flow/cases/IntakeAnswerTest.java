package dk.kk.ks.flow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * The intake's answer to a new case is built from the variables the start returned, not read back from the history
 * (README "Ydeevne"): it must say what a lookup of the same case says, whatever kinds of variable the start left.
 */
class IntakeAnswerTest extends ProcessTestCase {

    @Autowired
    private CaseCreation caseCreation;
    @Autowired
    private CaseViews caseViews;
    @Autowired
    private CaseTypes caseTypes;

    @Test
    void theAnswerToAPayoutShowsTheApprovalsTheStartDecidedAsALookupDoes() {
        String body = """
                {"serviceNowRef":"RITM0000801","debtorNumber":"100234","payee":"Jens Hansen",
                 "amount":12500.00,"reason":"Tilbagebetaling af for meget betalt","requestedBy":"anna"}""";

        CaseCreation.Creation creation = caseCreation.create("invoice-payouts", body.getBytes(StandardCharsets.UTF_8));

        assertThat(creation.created()).isTrue();
        // Decided by the decision table during the start: an object variable (a list of texts) in the answer
        assertThat(creation.view().result()).containsEntry("approvalsRequired", List.of("debitor-godkendere"));
        assertThat(creation.view()).isEqualTo(caseViews.view(creation.view().caseId()));
    }

    @Test
    void theAnswerReadsEveryKindOfVariableAsTheHistoryDoes() {
        // A JSON variable (its decimals kept as written), a text, a list of texts and a boolean
        CaseView answer = answerToATimesheetStartedWith("RITM0000802", Map.of(
                "calculation", SpinValues.jsonValue("""
                        {"hourlyWage":250.00,"lines":[],"totals":{},"totalAmount":12.50,"warnings":["FUTURE_DATE"]}""").create(),
                CaseVariables.OUTCOME.name(), "REJECTED",
                CaseVariables.REASONS.name(), new ArrayList<>(List.of("FUTURE_DATE", "REJECTED_BY_CASEWORKER")),
                "automatic", false));

        assertThat(answer.outcome()).isEqualTo("REJECTED");
        assertThat(answer.reasons()).containsExactly("FUTURE_DATE", "REJECTED_BY_CASEWORKER");
        assertThat(answer.result()).containsEntry("totalAmount", new BigDecimal("12.50"))
                .containsEntry("warnings", List.of("FUTURE_DATE"))
                .containsEntry("automatic", false);
    }

    @Test
    void aTransientVariableIsNotInTheAnswerAsTheHistoryNeverHasIt() {
        CaseView answer = answerToATimesheetStartedWith("RITM0000804",
                Map.of(CaseVariables.OUTCOME.name(), Variables.stringValue("REJECTED", true)));

        assertThat(answer.outcome()).isNull();
    }

    @Test
    void aJsonVariableSetAsASpinNodeReadsAsTheHistoryHasIt() {
        CaseView answer = answerToATimesheetStartedWith("RITM0000803", Map.of("calculation", SpinValues.jsonValue(Spin.JSON("""
                {"hourlyWage":250,"lines":[],"totals":{},"totalAmount":99,"warnings":[]}""")).create()));

        assertThat(answer.result()).containsEntry("totalAmount", new BigDecimal("99"));
    }

    /** The intake's answer to a timesheet case started with these variables, once it is checked to equal a lookup. */
    private CaseView answerToATimesheetStartedWith(String serviceNowRef, Map<String, Object> variables) {
        CaseType<?> timesheets = caseTypes.byName("timesheets").orElseThrow();
        ProcessInstanceWithVariables started = runtimeService.createProcessInstanceByKey(timesheets.processKey())
                .businessKey(serviceNowRef).setVariables(variables).executeWithVariablesInReturn();

        CaseView answer = caseViews.viewOfStarted(started, timesheets);

        assertThat(answer).isEqualTo(caseViews.view(started.getId()));
        return answer;
    }
}
