package dk.kk.ks.flow.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Samples the application's CPU and heap once a second from /actuator/metrics while a run lasts:
 * {@code process.cpu.usage} (the JVM's share of all the machine's cores) and {@code jvm.memory.used}
 * of the heap areas.
 */
final class ResourceSampler implements AutoCloseable {

    /** Mean and peak CPU (share of all cores, 0..1) and mean and peak heap used (MiB). */
    record Usage(double cpuMean, double cpuMax, double heapMeanMiB, double heapMaxMiB, int cores) {

        String summary() {
            return String.format(Locale.ROOT, "application CPU: mean %.0f %%, max %.0f %% of %d cores; heap used: mean %.0f MiB, max %.0f MiB (%s)",
                    100 * cpuMean, 100 * cpuMax, cores, heapMeanMiB, heapMaxMiB, AppProcess.HEAP);
        }
    }

    private final AppProcess app;
    private final List<double[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ResourceSampler(AppProcess app) {
        this.app = app;
        this.thread = new Thread(this::sample, "resource-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void sample() {
        while (running) {
            try {
                double cpu = app.metric("process.cpu.usage", null);
                double heap = app.metric("jvm.memory.used", "area:heap") / (1024 * 1024);
                synchronized (samples) {
                    samples.add(new double[] {cpu, heap});
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception missedSample) {
                // a sample lost under load is no reason to stop sampling
            }
        }
    }

    Usage usage() {
        synchronized (samples) {
            return new Usage(samples.stream().mapToDouble(s -> s[0]).average().orElse(0),
                    samples.stream().mapToDouble(s -> s[0]).max().orElse(0),
                    samples.stream().mapToDouble(s -> s[1]).average().orElse(0),
                    samples.stream().mapToDouble(s -> s[1]).max().orElse(0),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
