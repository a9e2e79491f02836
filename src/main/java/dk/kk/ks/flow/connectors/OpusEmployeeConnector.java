package dk.kk.ks.flow.connectors;

import static dk.kk.ks.flow.connectors.ConnectorInput.RESULT_VARIABLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * "Opus Løn: hent medarbejder": the employee's employment data; the result has found, employeeNumber, name,
 * userId, department, employeeType, hireDate, endDate (dates as yyyy-MM-dd), managerEmployeeNumber,
 * hasPaymentCard, probation, annualSalary and holidayDaysTakenThisHolidayYear (numbers; a rule that needs them exact
 * reads them with {@code new BigDecimal(value.toString())}), or only the fields the input {@code fields} names. Never the
 * CPR number: it would be visible in Cockpit.
 */
@Component("opusEmployeeConnector")
class OpusEmployeeConnector extends Connector {

    static final ConnectorInput EMPLOYEE_NUMBER = ConnectorInput.required("employeeNumber");
    /** The fields to keep, comma-separated (found is always kept); empty: all. A case keeps only what its rules read. */
    static final ConnectorInput FIELDS = ConnectorInput.optional("fields");
    static final List<ConnectorInput> INPUTS = List.of(EMPLOYEE_NUMBER, FIELDS, RESULT_VARIABLE);

    private final OpusLonPort opus;

    OpusEmployeeConnector(OpusLonPort opus) {
        super(INPUTS, false);
        this.opus = opus;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Map<String, Object> result = new LinkedHashMap<>();
        opus.employee(EMPLOYEE_NUMBER.text(execution)).ifPresentOrElse(employee -> {
            result.put("found", true);
            result.put("employeeNumber", employee.employeeNumber());
            result.put("name", employee.name());
            result.put("userId", employee.userId());
            result.put("department", employee.department());
            result.put("employeeType", employee.employeeType() == null ? null : employee.employeeType().name());
            result.put("hireDate", employee.hireDate() == null ? null : employee.hireDate().toString());
            result.put("endDate", employee.endDate() == null ? null : employee.endDate().toString());
            result.put("managerEmployeeNumber", employee.managerEmployeeNumber());
            result.put("hasPaymentCard", employee.hasPaymentCard());
            result.put("probation", employee.probation());
            result.put("annualSalary", employee.annualSalary());
            result.put("holidayDaysTakenThisHolidayYear", employee.holidayDaysTakenThisHolidayYear());
        }, () -> result.put("found", false));
        result(execution, kept(result, FIELDS.text(execution)));
    }

    /** Only the named fields (and found); a name the result does not have is a modelling error (an incident). */
    static Map<String, Object> kept(Map<String, Object> result, String fields) {
        if (fields == null || fields.isBlank() || !Boolean.TRUE.equals(result.get("found"))) {
            return result;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("found", true);
        for (String field : fields.split(",")) {
            String name = field.trim();
            if (!result.containsKey(name)) {
                throw new IllegalStateException("Opus Løn: hent medarbejder has no field '" + name + "'");
            }
            kept.put(name, result.get(name));
        }
        return kept;
    }
}
