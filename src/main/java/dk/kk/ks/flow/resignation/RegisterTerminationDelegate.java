package dk.kk.ks.flow.resignation;

import static dk.kk.ks.flow.resignation.ResignationVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseOutcome;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** "Registrer fratrædelse i Opus Løn": the termination date and reason. */
@Component("registerTermination")
class RegisterTerminationDelegate implements JavaDelegate {

    private final OpusLonPort opus;

    RegisterTerminationDelegate(OpusLonPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opus.registerTermination(EMPLOYEE_NUMBER.require(execution),
                new OpusLonPort.Termination(LocalDate.parse(LAST_WORKING_DAY.require(execution)), REASON.require(execution)),
                IdempotencyKeys.of(execution));
        CaseOutcome.set(execution, Outcome.REGISTERED);
    }
}
