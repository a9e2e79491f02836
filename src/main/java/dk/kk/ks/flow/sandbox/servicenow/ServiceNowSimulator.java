package dk.kk.ks.flow.sandbox.servicenow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.integration.servicenow.ServiceNowPort;

/**
 * The sandbox's ServiceNow: the Table API (query, read, create, update) over in-memory tables.
 * A request item that ServiceNow would have created before it called KS Flow (a well-formed number
 * such as RITM0012345) exists on first access, in state 1 (Open). Work notes are kept as a journal.
 */
@RestController
@RequestMapping("/sandbox/servicenow")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class ServiceNowSimulator {

    private static final Pattern RECORD_NUMBER = Pattern.compile("^[A-Z]{2,6}[0-9]{7}$");

    private final Map<String, Map<String, Map<String, Object>>> tables = new ConcurrentHashMap<>();
    /** Per table, the sys_id of each record number: a query by number (every write-back) need not scan the table. */
    private final Map<String, Map<String, String>> sysIdsByNumber = new ConcurrentHashMap<>();

    @GetMapping("/api/now/table/{table}")
    Map<String, Object> query(@PathVariable String table, @RequestParam(name = "sysparm_query", required = false) String query,
                              @RequestParam(name = "sysparm_limit", defaultValue = "100") int limit,
                              @RequestParam(name = "sysparm_fields", required = false) String fields) {
        Map<String, String> conditions = parseQuery(query);
        String number = conditions.get("number");
        if (number != null && RECORD_NUMBER.matcher(number).matches()) {
            ensureRecord(table, number);
        }
        Collection<Map<String, Object>> candidates = number == null ? table(table).values()
                : Optional.ofNullable(numbers(table).get(number)).map(table(table)::get).stream().toList();
        List<Map<String, Object>> rows = candidates.stream()
                .filter(row -> conditions.entrySet().stream().allMatch(c -> c.getValue().equals(String.valueOf(row.get(c.getKey())))))
                .limit(limit)
                .map(row -> only(fields, row))
                .toList();
        return Map.of("result", rows);
    }

    @GetMapping("/api/now/table/{table}/{sysId}")
    ResponseEntity<Map<String, Object>> get(@PathVariable String table, @PathVariable String sysId,
                                            @RequestParam(name = "sysparm_fields", required = false) String fields) {
        Map<String, Object> row = table(table).get(sysId);
        return row == null ? notFound(table, sysId) : ResponseEntity.ok(Map.of("result", only(fields, row)));
    }

    @PostMapping("/api/now/table/{table}")
    ResponseEntity<Map<String, Object>> create(@PathVariable String table,
                                               @RequestParam(name = "sysparm_fields", required = false) String answerFields,
                                               @RequestBody Map<String, Object> fields) {
        Map<String, Object> row = newRow(fields);
        put(table, row);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("result", only(answerFields, row)));
    }

    @PatchMapping("/api/now/table/{table}/{sysId}")
    synchronized ResponseEntity<Map<String, Object>> update(@PathVariable String table, @PathVariable String sysId,
                                                            @RequestParam(name = "sysparm_fields", required = false) String answerFields,
                                                            @RequestBody Map<String, Object> fields) {
        Map<String, Object> row = table(table).get(sysId);
        if (row == null) {
            return notFound(table, sysId);
        }
        fields.forEach((field, value) -> {
            if ("work_notes".equals(field)) {
                @SuppressWarnings("unchecked")
                List<Object> journal = (List<Object>) row.computeIfAbsent("work_notes_journal", k -> new ArrayList<>());
                journal.add(value);
            }
            row.put(field, value);
        });
        put(table, row);
        return ResponseEntity.ok(Map.of("result", only(answerFields, row)));
    }

    /** The row with only the fields named in {@code sysparm_fields} (comma-separated), as ServiceNow answers; all without it. */
    private static Map<String, Object> only(String fields, Map<String, Object> row) {
        if (fields == null || fields.isBlank()) {
            return row;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String name : fields.split(",")) {
            if (row.containsKey(name)) {
                selected.put(name, row.get(name));
            }
        }
        return selected;
    }

    /** Sandbox data: a table's records as they are now (not logged as a call to ServiceNow). */
    @GetMapping("/tables/{table}")
    List<Map<String, Object>> records(@PathVariable String table) {
        return List.copyOf(table(table).values());
    }

    private Map<String, Map<String, Object>> table(String table) {
        return tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
    }

    private Map<String, String> numbers(String table) {
        return sysIdsByNumber.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
    }

    /** The record with this number, or null. */
    Map<String, Object> findByNumber(String table, String number) {
        String sysId = numbers(table).get(number);
        return sysId == null ? null : table(table).get(sysId);
    }

    /** Stores a record (new, or replacing the one with its sys_id), keeping the index of numbers. */
    void put(String table, Map<String, Object> row) {
        table(table).put((String) row.get("sys_id"), row);
        if (row.get("number") != null) {
            numbers(table).put(String.valueOf(row.get("number")), (String) row.get("sys_id"));
        }
    }

    private synchronized void ensureRecord(String table, String number) {
        if (findByNumber(table, number) == null) {
            put(table, newRow(Map.of("number", number, "state", ServiceNowPort.State.OPEN.code())));
        }
    }

    private static Map<String, Object> newRow(Map<String, Object> fields) {
        Map<String, Object> row = new LinkedHashMap<>(fields);
        row.put("sys_id", UUID.randomUUID().toString().replace("-", ""));
        return row;
    }

    /** The subset of ServiceNow's encoded queries the application uses: field=value joined by ^. */
    private static Map<String, String> parseQuery(String query) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            return conditions;
        }
        for (String part : query.split("\\^")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                conditions.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return conditions;
    }

    private static ResponseEntity<Map<String, Object>> notFound(String table, String sysId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", Map.of("message", "No Record found", "detail", "Record doesn't exist: " + table + "/" + sysId),
                        "status", "failure"));
    }
}
