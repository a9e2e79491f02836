package dk.kk.ks.flow.timesheet;

import static dk.kk.ks.flow.timesheet.TimesheetVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** "Hent medarbejder i Opus": employment dates and salary (Dataservice – Medarbejderoplysninger). */
@Component("lookupTimesheetEmployee")
class LookupEmployeeDelegate implements JavaDelegate {

    private final OpusLonPort opus;

    LookupEmployeeDelegate(OpusLonPort opus) {
        this.opus = opus;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opus.employee(EMPLOYEE_NUMBER.require(execution)).ifPresentOrElse(employee -> {
            EMPLOYEE.set(execution, new EmployeeFacts(employee.name(), employee.hireDate(), employee.endDate(), employee.annualSalary()));
            EMPLOYEE_NAME.set(execution, employee.name());
        }, () -> EMPLOYEE_NAME.set(execution, "(ukendt i Opus)"));
    }
}
