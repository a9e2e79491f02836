package dk.kk.ks.flow.support.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pushes a sample of cases through a running KS Flow over its intake API (after setting the sandbox
 * data they need), waits until every case is either completed or waiting at its review step, and
 * reports how many went through with no human step.
 */
public final class SampleRun {

    /** One case of a sample, and whether its generator planted something a caseworker must see. */
    public record SampleCase(String serviceNowRef, Map<String, Object> body, boolean plantedForReview) {
    }

    /** What happened to each case: its id and whether it completed with no human step. */
    public record Settled(SampleCase sampleCase, String caseId, boolean automatic, String outcome) {
    }

    public record Report(int count, int automatic, int reviewed, int failed, double seconds, List<Long> intakeMillis,
                         List<Settled> settled) {

        /**
         * The cases that went the wrong way (a planted problem that went through with no human step, or a clean case that
         * reached a caseworker), each on one line: a failing test names these and no others.
         */
        public List<String> misrouted() {
            return settled.stream().filter(case_ -> case_.automatic() == case_.sampleCase().plantedForReview())
                    .map(case_ -> describe(case_) + (case_.automatic() ? ": planted for review, went through" : ": clean, reached a caseworker")
                            + " " + case_.sampleCase().body())
                    .toList();
        }

        /** The cases that went through with no human step and ended other than {@code outcome}, each on one line. */
        public List<String> automaticNotEndedAs(String outcome) {
            return settled.stream().filter(case_ -> case_.automatic() && !outcome.equals(case_.outcome()))
                    .map(case_ -> describe(case_) + ": ended " + case_.outcome()).toList();
        }

        private static String describe(Settled case_) {
            return case_.sampleCase().serviceNowRef() + " (case " + case_.caseId() + ")";
        }

        public double automaticShare() {
            return count == 0 ? 0 : (double) automatic / count;
        }

        public String summary() {
            List<Long> sorted = intakeMillis.stream().sorted().toList();
            return String.format("cases: %d%nautomatic (no human step): %d (%.1f %%)%nto a caseworker: %d (%.1f %%)%n"
                            + "failed or stuck: %d%nend-to-end time: %.1f s, throughput %.1f cases/s%n"
                            + "intake latency: p50 %d ms, p95 %d ms, p99 %d ms",
                    count, automatic, 100.0 * automatic / Math.max(1, count), reviewed, 100.0 * reviewed / Math.max(1, count),
                    failed, seconds, count / Math.max(0.001, seconds),
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
        }

        private static long percentile(List<Long> sorted, int p) {
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public SampleRun(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param sandboxData  PUT path to body: the sandbox data the sample needs (employees, cards)
     * @param caseType     the intake path segment, e.g. {@code timesheets}
     * @param reviewStep   the name of the user task a case waits in when it needs a caseworker
     * @param isAutomatic  from a completed case's CaseView: did it need no human step?
     */
    public Report run(Map<String, Object> sandboxData, String caseType, List<SampleCase> cases, String reviewStep,
                      Predicate<JsonNode> isAutomatic, Duration timeout) throws IOException, InterruptedException {
        for (Map.Entry<String, Object> data : sandboxData.entrySet()) {
            HttpResponse<String> response = send("PUT", data.getKey(), data.getValue(), "demo");
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Sandbox refused PUT " + data.getKey() + ": " + response.statusCode() + " " + response.body());
            }
        }
        long started = System.nanoTime();
        List<Long> intakeMillis = new ArrayList<>();
        Map<String, SampleCase> byCase = new LinkedHashMap<>();
        for (SampleCase sampleCase : cases) {
            long before = System.nanoTime();
            HttpResponse<String> response = send("POST", "/api/v1/" + caseType, sampleCase.body(), "servicenow");
            intakeMillis.add((System.nanoTime() - before) / 1_000_000);
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("Intake refused " + sampleCase.serviceNowRef() + ": " + response.statusCode() + " " + response.body());
            }
            byCase.put(json.readTree(response.body()).get("caseId").asText(), sampleCase);
        }
        List<Settled> settled = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, SampleCase> open = new LinkedHashMap<>(byCase);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (var entry : List.copyOf(open.entrySet())) {
                JsonNode view = json.readTree(send("GET", "/api/v1/cases/" + entry.getKey(), null, "servicenow").body());
                boolean completed = "COMPLETED".equals(view.get("status").asText());
                boolean inReview = view.get("currentSteps").toString().contains(reviewStep);
                if (completed || inReview) {
                    boolean automatic = completed && isAutomatic.test(view);
                    settled.add(new Settled(entry.getValue(), entry.getKey(), automatic, view.get("outcome").asText(null)));
                    open.remove(entry.getKey());
                }
            }
            if (!open.isEmpty()) {
                Thread.sleep(200);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int automatic = (int) settled.stream().filter(Settled::automatic).count();
        int reviewed = settled.size() - automatic;
        return new Report(cases.size(), automatic, reviewed, open.size(), seconds, intakeMillis, settled);
    }

    private HttpResponse<String> send(String method, String path, Object body, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
