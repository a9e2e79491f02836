package dk.kk.ks.flow.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.ks.flow.sandbox.SandboxSystems;
import dk.kk.ks.flow.support.load.KsFlowClient;

/**
 * The writes the simulated systems received, read from their request logs (GET /sandbox/{system}/requests).
 * A business effect is one write: the system, the method, the path and the Idempotency-Key. A write that
 * came again with the same key is logged {@code replayed} and changed nothing; "exactly once" means each
 * effect has exactly one write that was not replayed.
 */
final class SideEffects {

    /** One write (anything but GET) as the simulator logged it. */
    record Write(String system, String method, String path, String idempotencyKey, int status, boolean replayed, JsonNode response) {

        String effect() {
            return system + " " + method + " " + path + " " + idempotencyKey;
        }
    }

    private final List<Write> writes;

    private SideEffects(List<Write> writes) {
        this.writes = writes;
    }

    static SideEffects read(KsFlowClient sandbox) {
        List<Write> writes = new ArrayList<>();
        for (String system : new TreeSet<>(SandboxSystems.NAMES)) {
            for (JsonNode request : sandbox.getJson("/sandbox/" + system + "/requests", "demo")) {
                String method = request.path("method").asText();
                if (!"GET".equals(method)) {
                    String path = request.path("path").asText();
                    int query = path.indexOf('?');
                    writes.add(new Write(system, method, query < 0 ? path : path.substring(0, query),
                            request.path("idempotencyKey").isTextual() ? request.path("idempotencyKey").asText() : null,
                            request.path("status").asInt(), request.path("replayed").asBoolean(), request.path("response")));
                }
            }
        }
        return new SideEffects(writes);
    }

    /** Clears every simulator's request log, so a run reads only its own writes. */
    static void clear(KsFlowClient sandbox) {
        for (String system : SandboxSystems.NAMES) {
            int status = sandbox.send("DELETE", "/sandbox/" + system + "/requests", null, "demo").statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("DELETE /sandbox/" + system + "/requests answered " + status);
            }
        }
    }

    /** Writes that carried no Idempotency-Key: a retried job would repeat them. */
    List<Write> withoutKey() {
        return writes.stream().filter(write -> write.idempotencyKey() == null).toList();
    }

    /** Effects applied more than once (more than one write with the same key that was not a replay), with how often. */
    Map<String, Long> appliedMoreThanOnce() {
        return applied().stream().collect(Collectors.groupingBy(Write::effect, TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));
    }

    /** ServiceNow write-backs (PATCH of a record) that were applied, per record number. */
    Map<String, Long> serviceNowWriteBacks() {
        return applied().stream().filter(write -> "servicenow".equals(write.system()) && "PATCH".equals(write.method()))
                .collect(Collectors.groupingBy(write -> write.response().path("result").path("number").asText(),
                        TreeMap::new, Collectors.counting()));
    }

    /** Applied and replayed writes per system, for the run's report. */
    Map<String, String> summary() {
        Map<String, String> summary = new LinkedHashMap<>();
        writes.stream().collect(Collectors.groupingBy(Write::system, TreeMap::new, Collectors.toList()))
                .forEach((system, list) -> summary.put(system, list.stream().filter(w -> !w.replayed()).count() + " applied, "
                        + list.stream().filter(Write::replayed).count() + " replayed"));
        return summary;
    }

    long replayed() {
        return writes.stream().filter(Write::replayed).count();
    }

    private List<Write> applied() {
        return writes.stream().filter(write -> !write.replayed()).toList();
    }
}
