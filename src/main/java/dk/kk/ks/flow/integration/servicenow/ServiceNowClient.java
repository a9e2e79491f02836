package dk.kk.ks.flow.integration.servicenow;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dk.kk.ks.flow.integration.ExternalSystemFeignConfiguration;
import dk.kk.ks.flow.integration.IdempotencyKeys;

/**
 * ServiceNow's Table API. The first argument of each call is the base URI (see SystemEndpoints);
 * the {@code url} below is only Feign's fallback.
 */
@FeignClient(name = "servicenow", url = "http://servicenow.invalid", configuration = ExternalSystemFeignConfiguration.class)
interface ServiceNowClient {

    record ListResult(List<Map<String, Object>> result) {
    }

    record SingleResult(Map<String, Object> result) {
    }

    @GetMapping("/api/now/table/{table}")
    ListResult query(URI baseUri, @PathVariable("table") String table,
                     @RequestParam("sysparm_query") String query, @RequestParam("sysparm_limit") int limit);

    /** As {@link #query}, each row with only the named fields (comma-separated): a record has a hundred or more. */
    @GetMapping("/api/now/table/{table}")
    ListResult query(URI baseUri, @PathVariable("table") String table, @RequestParam("sysparm_query") String query,
                     @RequestParam("sysparm_limit") int limit, @RequestParam("sysparm_fields") String fields);

    @GetMapping("/api/now/table/{table}/{sysId}")
    SingleResult get(URI baseUri, @PathVariable("table") String table, @PathVariable("sysId") String sysId);

    /** Changes the record; ServiceNow answers with the record's {@code answerFields} only (comma-separated). */
    @PatchMapping("/api/now/table/{table}/{sysId}")
    SingleResult patch(URI baseUri, @RequestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
                       @PathVariable("table") String table, @PathVariable("sysId") String sysId,
                       @RequestParam("sysparm_fields") String answerFields, @RequestBody Map<String, Object> fields);
}
