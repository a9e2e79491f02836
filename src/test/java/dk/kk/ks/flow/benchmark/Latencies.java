package dk.kk.ks.flow.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Latencies in milliseconds, safe to add to from many threads; percentiles by the nearest-rank method. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    synchronized void add(double value) {
        millis.add(value);
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)));
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms", percentile(50), percentile(95), percentile(99));
    }
}
