package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.edoc.EdocPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** "Opret personalesag i eDoc": a personnel case (KLE 81.03.00) with the employee as party. */
@Component("createPersonnelCase")
class CreatePersonnelCaseDelegate implements JavaDelegate {

    private final EdocPort edoc;
    private final OpusLonPort opus;

    CreatePersonnelCaseDelegate(EdocPort edoc, OpusLonPort opus) {
        this.edoc = edoc;
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpusLonPort.Employee employee = opus.employee(EMPLOYEE_NUMBER.require(execution))
                .orElseThrow(() -> new IllegalStateException("Opus no longer knows employee " + EMPLOYEE_NUMBER.require(execution)));
        String caseNumber = edoc.createPersonnelCase("Afskedigelse: " + employee.name() + " (" + employee.employeeNumber() + ")",
                new EdocPort.Party(employee.cpr(), employee.name()), IdempotencyKeys.of(execution));
        EDOC_CASE_NUMBER.set(execution, caseNumber);
    }
}
