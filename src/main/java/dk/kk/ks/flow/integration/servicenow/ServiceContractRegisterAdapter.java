package dk.kk.ks.flow.integration.servicenow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalContractException;
import dk.kk.ks.flow.integration.SystemEndpoints;

/**
 * Reads a contract from ServiceNow's contract table: {@code GET /api/now/table/u_service_contract?sysparm_query=number=SK-2027-0042}.
 * ServiceNow answers every field as a string; custom fields carry the {@code u_} prefix.
 */
@Component
class ServiceContractRegisterAdapter implements ServiceContractRegister {

    static final String NUMBER = "number";
    static final String DEPARTMENT = "u_department";
    static final String UNIT_PRICE = "u_unit_price_per_month";
    static final String ACTIVE_FROM = "u_active_from";
    static final String ACTIVE_TO = "u_active_to";

    private final ServiceNowClient client;
    private final SystemEndpoints endpoints;
    private final String table;

    ServiceContractRegisterAdapter(ServiceNowClient client, SystemEndpoints endpoints,
                                   @Value("${ksflow.servicenow.contract-table:u_service_contract}") String table) {
        this.client = client;
        this.endpoints = endpoints;
        this.table = table;
    }

    @Override
    public Optional<ServiceContract> find(String contractNumber) {
        ServiceNowClient.ListResult found = client.query(endpoints.baseUri(ServiceNowAdapter.SYSTEM), table,
                NUMBER + "=" + contractNumber, 1);
        if (found == null || found.result() == null || found.result().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = found.result().get(0);
        try {
            return Optional.of(new ServiceContract(text(row, NUMBER), text(row, DEPARTMENT),
                    new BigDecimal(text(row, UNIT_PRICE)), date(row, ACTIVE_FROM), date(row, ACTIVE_TO)));
        } catch (RuntimeException unreadable) {
            // A contract we cannot read is ServiceNow data to correct, not a business rejection: an incident.
            throw new ExternalContractException(ServiceNowAdapter.SYSTEM, 200,
                    "ServiceNow's contract " + contractNumber + " in " + table + " cannot be read: " + unreadable.getMessage());
        }
    }

    private static String text(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }

    private static LocalDate date(Map<String, Object> row, String field) {
        String value = text(row, field);
        return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }
}
