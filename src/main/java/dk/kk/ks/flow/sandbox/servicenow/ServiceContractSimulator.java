package dk.kk.ks.flow.sandbox.servicenow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sandbox data for the simulated ServiceNow's contract table: {@code PUT /sandbox/servicenow/contracts/{contractNumber}}
 * {"department", "unitPricePerMonth", "activeFrom", "activeTo"} creates or replaces a row, stored as ServiceNow
 * stores it (strings, {@code u_} fields), so the application reads it through the Table API.
 *
 * <p>Seeded: SK-2027-0042 (BUF, 450.00 a unit a month, all of 2027), SK-2027-0100 (KFF, 2,500.00, from
 * 1 January 2027 until further notice) and SK-2026-0017 (SUF, 1,200.00, 2026 only).
 */
@RestController
@RequestMapping("/sandbox/servicenow")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class ServiceContractSimulator {

    // The contract table's columns, as the Table API names them.
    static final String NUMBER = "number";
    static final String DEPARTMENT = "u_department";
    static final String UNIT_PRICE = "u_unit_price_per_month";
    static final String ACTIVE_FROM = "u_active_from";
    static final String ACTIVE_TO = "u_active_to";

    record ContractData(String department, BigDecimal unitPricePerMonth, LocalDate activeFrom, LocalDate activeTo) {
    }

    private final ServiceNowSimulator serviceNow;
    private final String table;

    ServiceContractSimulator(ServiceNowSimulator serviceNow,
                             @Value("${ksflow.servicenow.contract-table:u_service_contract}") String table) {
        this.serviceNow = serviceNow;
        this.table = table;
        put("SK-2027-0042", new ContractData("BUF", new BigDecimal("450.00"), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
        put("SK-2027-0100", new ContractData("KFF", new BigDecimal("2500.00"), LocalDate.of(2027, 1, 1), null));
        put("SK-2026-0017", new ContractData("SUF", new BigDecimal("1200.00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @PutMapping("/contracts/{contractNumber}")
    ResponseEntity<Object> putContract(@PathVariable String contractNumber, @RequestBody ContractData contract) {
        if (contract.department() == null || contract.unitPricePerMonth() == null) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .body(Map.of("code", "INVALID_REQUEST", "message", "department and unitPricePerMonth are required"));
        }
        return ResponseEntity.ok(put(contractNumber, contract));
    }

    private Map<String, Object> put(String contractNumber, ContractData contract) {
        synchronized (serviceNow) {
            Map<String, Object> existing = serviceNow.findByNumber(table, contractNumber);
            String sysId = existing != null ? (String) existing.get("sys_id") : UUID.randomUUID().toString().replace("-", "");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sys_id", sysId);
            row.put(NUMBER, contractNumber);
            row.put(DEPARTMENT, contract.department());
            row.put(UNIT_PRICE, contract.unitPricePerMonth().toPlainString());
            row.put(ACTIVE_FROM, contract.activeFrom() == null ? "" : contract.activeFrom().toString());
            row.put(ACTIVE_TO, contract.activeTo() == null ? "" : contract.activeTo().toString());
            serviceNow.put(table, row);
            return row;
        }
    }
}
