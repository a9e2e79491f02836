package dk.kk.ks.flow.sandbox.opus;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/**
 * The sandbox's Opus Løn: employees (seeded from sandbox/opus-employees.json, set with
 * {@code PUT /sandbox/opus/employees/{employeeNumber}}) and one-off payments, registered once per line key.
 */
@RestController
@RequestMapping("/sandbox/opus")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class OpusLonSimulator {

    /** The sandbox data of an employee (docs/architecture.md, "The sandbox"); the employee number is the path. */
    record EmployeeData(String name, String cpr, String userId, LocalDate hireDate, LocalDate endDate, BigDecimal annualSalary,
                        String department, String managerEmployeeNumber, BigDecimal holidayDaysTakenThisHolidayYear,
                        OpusLonPort.EmployeeType employeeType, boolean probation, boolean hasPaymentCard) {

        OpusLonPort.Employee toEmployee(String employeeNumber) {
            return new OpusLonPort.Employee(employeeNumber, name, cpr, userId, hireDate, endDate, annualSalary, department,
                    managerEmployeeNumber, holidayDaysTakenThisHolidayYear == null ? BigDecimal.ZERO : holidayDaysTakenThisHolidayYear,
                    employeeType == null ? OpusLonPort.EmployeeType.OVERENSKOMST : employeeType, probation, hasPaymentCard);
        }
    }

    private final Map<String, OpusLonPort.Employee> employees = new ConcurrentHashMap<>();
    private final Map<String, OpusLonPort.OneOffPaymentLine> paymentLines = new ConcurrentHashMap<>();

    OpusLonSimulator(ObjectMapper objectMapper) throws IOException {
        try (InputStream seed = new ClassPathResource("sandbox/opus-employees.json").getInputStream()) {
            Map<String, EmployeeData> seeded = objectMapper.readValue(seed, new TypeReference<>() { });
            seeded.forEach((number, data) -> employees.put(number, data.toEmployee(number)));
        }
    }

    @PutMapping("/employees/{employeeNumber}")
    OpusLonPort.Employee putEmployee(@PathVariable String employeeNumber, @RequestBody EmployeeData data) {
        OpusLonPort.Employee employee = data.toEmployee(employeeNumber);
        employees.put(employeeNumber, employee);
        return employee;
    }

    /** Sandbox data: every employee, by number. */
    @GetMapping("/employees")
    Map<String, OpusLonPort.Employee> allEmployees() {
        return new TreeMap<>(employees);
    }

    /** Sandbox data: every one-off payment line registered. */
    @GetMapping("/one-off-payments")
    List<OpusLonPort.OneOffPaymentLine> allPaymentLines() {
        return List.copyOf(paymentLines.values());
    }

    @GetMapping("/api/loen/employees/{employeeNumber}")
    ResponseEntity<Object> employee(@PathVariable String employeeNumber) {
        OpusLonPort.Employee employee = employees.get(employeeNumber);
        return employee == null
                ? OpusDebitorSimulator.error(HttpStatus.NOT_FOUND, "EMPLOYEE_NOT_FOUND", "No employee " + employeeNumber)
                : ResponseEntity.ok(employee);
    }

    @PostMapping("/api/loen/employees/{employeeNumber}/termination")
    ResponseEntity<Object> registerTermination(@PathVariable String employeeNumber, @RequestBody OpusLonPort.Termination termination) {
        OpusLonPort.Employee employee = employees.get(employeeNumber);
        if (employee == null) {
            return OpusDebitorSimulator.error(HttpStatus.UNPROCESSABLE_ENTITY, "EMPLOYEE_NOT_FOUND", "No employee " + employeeNumber);
        }
        if (termination.terminationDate() == null || termination.reason() == null) {
            return OpusDebitorSimulator.error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "terminationDate and reason are required");
        }
        if (termination.terminationDate().isBefore(employee.hireDate())) {
            return OpusDebitorSimulator.error(HttpStatus.UNPROCESSABLE_ENTITY, "TERMINATION_BEFORE_HIRE",
                    "The termination date is before the hire date");
        }
        employees.put(employeeNumber, new OpusLonPort.Employee(employee.employeeNumber(), employee.name(), employee.cpr(),
                employee.userId(), employee.hireDate(), termination.terminationDate(), employee.annualSalary(), employee.department(),
                employee.managerEmployeeNumber(), employee.holidayDaysTakenThisHolidayYear(), employee.employeeType(),
                employee.probation(), employee.hasPaymentCard()));
        return ResponseEntity.ok(termination);
    }

    @PostMapping("/api/loen/one-off-payments")
    ResponseEntity<Object> registerOneOffPayment(@RequestBody OpusLonPort.OneOffPayment payment) {
        if (payment.employeeNumber() == null || payment.lines() == null || payment.lines().isEmpty()) {
            return OpusDebitorSimulator.error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "employeeNumber and lines are required");
        }
        if (!employees.containsKey(payment.employeeNumber())) {
            return OpusDebitorSimulator.error(HttpStatus.UNPROCESSABLE_ENTITY, "EMPLOYEE_NOT_FOUND",
                    "No employee " + payment.employeeNumber());
        }
        List<String> missingKeys = new ArrayList<>();
        int registered = 0;
        int already = 0;
        for (OpusLonPort.OneOffPaymentLine line : payment.lines()) {
            if (line.lineKey() == null || line.wageType() == null || line.date() == null || line.amount() == null) {
                missingKeys.add(String.valueOf(line.lineKey()));
            } else if (paymentLines.putIfAbsent(line.lineKey(), line) == null) {
                registered++;
            } else {
                already++;
            }
        }
        if (!missingKeys.isEmpty()) {
            return OpusDebitorSimulator.error(HttpStatus.BAD_REQUEST, "INVALID_LINE", "Incomplete lines: " + missingKeys);
        }
        return ResponseEntity.ok(new OpusLonPort.Registration(registered, already));
    }
}
