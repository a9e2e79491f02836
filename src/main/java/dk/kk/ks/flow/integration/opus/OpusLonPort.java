package dk.kk.ks.flow.integration.opus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Opus Løn (payroll): employee data (Dataservice – Medarbejderoplysninger) and one-off payments
 * (Webservice – Engangsydelser). The wire format is this application's assumption (README).
 */
public interface OpusLonPort {

    enum EmployeeType { OVERENSKOMST, TJENESTEMAND }

    /** An employee as Opus knows them. {@link #toString()} leaves out the CPR number. */
    record Employee(String employeeNumber, String name, String cpr, String userId, LocalDate hireDate, LocalDate endDate,
                    BigDecimal annualSalary, String department, String managerEmployeeNumber,
                    BigDecimal holidayDaysTakenThisHolidayYear, EmployeeType employeeType, boolean probation,
                    boolean hasPaymentCard) {

        @Override
        public String toString() {
            return "Employee[" + employeeNumber + ", " + department + ", " + employeeType + "]";
        }
    }

    /**
     * One line of a one-off payment: a wage type (lønart) on a date. {@code lineKey} identifies the
     * line across retries: Opus registers a line key once, whatever is sent again.
     */
    record OneOffPaymentLine(String lineKey, String wageType, LocalDate date, BigDecimal hours, BigDecimal amount) {
    }

    record OneOffPayment(String employeeNumber, String reference, List<OneOffPaymentLine> lines) {
    }

    record Registration(int registered, int alreadyRegistered) {
    }

    /** A termination of employment (fratrædelse): the last day and the reason code. */
    record Termination(LocalDate terminationDate, String reason) {
    }

    /** The employee, or empty when Opus does not know the number. */
    Optional<Employee> employee(String employeeNumber);

    Registration registerOneOffPayment(OneOffPayment payment, String idempotencyKey);

    /** Registers the end of the employment; Opus refuses an unknown employee (ExternalRejectionException). */
    void registerTermination(String employeeNumber, Termination termination, String idempotencyKey);
}
