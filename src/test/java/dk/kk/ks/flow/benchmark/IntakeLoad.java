package dk.kk.ks.flow.benchmark;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dk.kk.ks.flow.support.load.CaseMix;
import dk.kk.ks.flow.support.load.KsFlowClient;

/**
 * The intake API under an open-model load: one case creation every 1/rate seconds, each sent at its
 * scheduled moment on its own thread whether or not earlier ones have been answered, and its latency
 * measured from that scheduled moment (so a stalled server is not hidden by a waiting client).
 */
final class IntakeLoad {

    /**
     * One rate's figures; {@code unanalysed}: how many of the database's tables the planner had no statistics of when
     * the step began ({@link Database.Settled#unanalysed}).
     */
    record Step(int rate, int seconds, int sent, int errors, Latencies latencies, double achievedRate, IntakeProfile.PerRequest cost,
                long backlogBefore, long backlog, int unanalysed) {

        boolean p99Under(double millis) {
            return errors == 0 && latencies.percentile(99) < millis;
        }

        String summary() {
            return String.format(Locale.ROOT, "%3d/s for %d s: %d sent (%.1f/s), %d errors, latency %s%s%n        %s%n        "
                    + "jobs waiting at the step's start: %s%s; at its end (the cases' work still to do): %s", rate, seconds, sent,
                    achievedRate, errors, latencies.summary(), p99Under(100) ? "" : "  <- p99 over 100 ms", cost.summary(),
                    jobs(backlogBefore), backlogBefore > 0 ? " (the earlier step's work was not done after 2 minutes)" : "",
                    jobs(backlog)) + (unanalysed == 0 ? "" : String.format(Locale.ROOT, "%n        NOTE: the planner had no statistics"
                    + " of %d of the database's tables when the step began (never analysed; with --count 0 or --warm-up 0 nothing analyses them)",
                    unanalysed));
        }

        private static String jobs(long count) {
            return count < 0 ? "not answered within 30 s" : String.valueOf(count);
        }
    }

    private final AppProcess app;
    private final KsFlowClient client;

    IntakeLoad(AppProcess app) {
        this.app = app;
        this.client = app.client();
    }

    /**
     * One step at {@code rate} cases a second for {@code seconds}; {@code backlogBefore}: the jobs waiting when it began,
     * {@code settled}: the database's settling before it ({@link Database.Settled#NOTHING} where nothing settled it).
     */
    Step run(int rate, int seconds, List<CaseMix.PlannedCase> cases, long backlogBefore, Database.Settled settled)
            throws InterruptedException {
        int count = rate * seconds;
        if (cases.size() < count) {
            throw new IllegalArgumentException("Need " + count + " cases, got " + cases.size());
        }
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        double[] before = app.intakeProfile();
        ExecutorService senders = Executors.newCachedThreadPool();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            CaseMix.PlannedCase planned = cases.get(i);
            senders.submit(() -> {
                try {
                    HttpResponse<String> response = client.send("POST", "/api/v1/" + planned.caseType(), planned.body(), "servicenow");
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies.add((System.nanoTime() - scheduled) / 1e6);
            });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9 + intervalNanos / 1e9;
        senders.shutdown();
        if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
            senders.shutdownNow();
        }
        return new Step(rate, seconds, count, errors.get(), latencies, count / sendSeconds,
                IntakeProfile.PerRequest.between(before, app.intakeProfile()), backlogBefore, app.jobsWaiting(),
                settled.unanalysed());
    }
}
