package dk.kk.ks.flow.integration.servicenow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.SystemEndpoints;

@Component
class ServiceNowAdapter implements ServiceNowPort {

    static final String SYSTEM = "servicenow";
    /** The fields a ServiceNowRecord holds: a lookup asks for these alone, not the whole record. */
    static final String RECORD_FIELDS = "sys_id,number,state";
    /** ServiceNow's answer to the write-back's change: which record changed, no more (the request log shows it per number). */
    static final String PATCH_ANSWER_FIELDS = "sys_id,number";

    private final ServiceNowClient client;
    private final SystemEndpoints endpoints;
    private final ServiceNowProperties properties;

    ServiceNowAdapter(ServiceNowClient client, SystemEndpoints endpoints, ServiceNowProperties properties) {
        this.client = client;
        this.endpoints = endpoints;
        this.properties = properties;
    }

    @Override
    public Optional<ServiceNowRecord> findByNumber(String number) {
        ServiceNowClient.ListResult found = client.query(endpoints.baseUri(SYSTEM), properties.tableOf(number), "number=" + number, 1,
                RECORD_FIELDS);
        if (found == null || found.result() == null || found.result().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = found.result().get(0);
        return Optional.of(new ServiceNowRecord(String.valueOf(row.get("sys_id")), String.valueOf(row.get("number")),
                String.valueOf(row.get("state"))));
    }

    @Override
    public List<Map<String, Object>> query(String table, String encodedQuery, int limit) {
        ServiceNowClient.ListResult found = client.query(endpoints.baseUri(SYSTEM), table, encodedQuery, limit);
        return found == null || found.result() == null ? List.of() : found.result();
    }

    @Override
    public void update(String number, State state, String workNote, String idempotencyKey) {
        ServiceNowRecord found = findByNumber(number).orElseThrow(() -> new ExternalRejectionException(SYSTEM, 404,
                "RECORD_NOT_FOUND", "ServiceNow has no record " + number));
        client.patch(endpoints.baseUri(SYSTEM), idempotencyKey, properties.tableOf(number), found.sysId(),
                PATCH_ANSWER_FIELDS, Map.of("state", state.code(), "work_notes", workNote));
    }
}
