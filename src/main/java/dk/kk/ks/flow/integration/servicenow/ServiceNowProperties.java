package dk.kk.ks.flow.integration.servicenow;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which ServiceNow table holds a record, by the prefix of its number (RITM0012345 is in sc_req_item). */
@ConfigurationProperties(prefix = "ksflow.servicenow")
record ServiceNowProperties(Map<String, String> tables, String defaultTable) {

    String tableOf(String number) {
        String prefix = number.replaceAll("[0-9]+$", "");
        return tables == null ? defaultTable : tables.getOrDefault(prefix, defaultTable);
    }
}
