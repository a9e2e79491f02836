package dk.kk.ks.flow.sandbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared state of one simulator: its request log, its fault switch and the answers it gave to
 * idempotent writes (so a repeated Idempotency-Key gets the first answer and changes nothing).
 */
public class SimulatedSystem {

    /**
     * One request the simulated system received, with its Idempotency-Key (null without one) and its answer;
     * {@code replayed} marks a repeated idempotency key, answered from the first answer without any change.
     */
    public record RecordedRequest(OffsetDateTime at, String method, String path, String idempotencyKey, Object body, int status,
                                  Object response, boolean replayed) {
    }

    /**
     * The switch: answer the next {@code failNext} calls with {@code status}. With {@code answerLost} only
     * writes fail, and only on the way back: the system applies each one and the answer never reaches the
     * caller (a timeout after the change), which is what an idempotency key is for.
     */
    public record Fault(int failNext, int status, boolean answerLost) {
    }

    record StoredAnswer(int status, String contentType, byte[] body) {
    }

    private final String name;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, StoredAnswer> answers = new ConcurrentHashMap<>();
    private Fault fault = new Fault(0, 503, false);
    private int faultsAnswered;

    SimulatedSystem(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public synchronized void record(RecordedRequest request) {
        requests.add(request);
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    public synchronized void setFault(Fault newFault) {
        fault = newFault;
    }

    public synchronized Map<String, Object> faultStatus() {
        return Map.of("failNext", fault.failNext(), "status", fault.status(), "answerLost", fault.answerLost(),
                "faultsAnswered", faultsAnswered);
    }

    /** If the fault switch is on for a call with this method, uses up one failure and returns the fault; otherwise null. */
    synchronized Fault takeFault(String method) {
        if (fault.failNext() <= 0 || fault.answerLost() && "GET".equals(method)) {
            return null;
        }
        Fault taken = fault;
        fault = new Fault(fault.failNext() - 1, fault.status(), fault.answerLost());
        faultsAnswered++;
        return taken;
    }

    StoredAnswer storedAnswer(String key) {
        return answers.get(key);
    }

    void storeAnswer(String key, StoredAnswer answer) {
        answers.putIfAbsent(key, answer);
    }
}
