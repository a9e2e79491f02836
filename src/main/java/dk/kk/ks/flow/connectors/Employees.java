package dk.kk.ks.flow.connectors;

import org.camunda.bpm.engine.delegate.BpmnError;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** The employee a connector acts for, read from Opus Løn by employee number. */
final class Employees {

    /** The BPMN error code when Opus Løn does not know the employee (the same code Opus itself answers). */
    static final String NOT_FOUND = "EMPLOYEE_NOT_FOUND";

    private Employees() {
    }

    static OpusLonPort.Employee require(OpusLonPort opus, String employeeNumber) {
        return opus.employee(employeeNumber)
                .orElseThrow(() -> new BpmnError(NOT_FOUND, "Opus Løn does not know employee " + employeeNumber));
    }
}
