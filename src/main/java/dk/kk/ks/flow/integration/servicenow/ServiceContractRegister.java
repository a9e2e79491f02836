package dk.kk.ks.flow.integration.servicenow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The register of internal service contracts (servicekontrakter). The contracts live in ServiceNow, in a
 * custom table (by default {@code u_service_contract}), and are read through the Table API.
 */
public interface ServiceContractRegister {

    /**
     * A service contract: the department (forvaltning) that buys the service, the price per unit and
     * month, and the days it is active (both inclusive; {@code activeTo} null: until further notice).
     */
    record ServiceContract(String contractNumber, String department, BigDecimal unitPricePerMonth,
                           LocalDate activeFrom, LocalDate activeTo) {

        public boolean activeOn(LocalDate day) {
            return (activeFrom == null || !day.isBefore(activeFrom)) && (activeTo == null || !day.isAfter(activeTo));
        }
    }

    /** The contract with that number, or empty when ServiceNow has none. */
    Optional<ServiceContract> find(String contractNumber);
}
