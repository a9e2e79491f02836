package dk.kk.ks.flow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What one intake request costs, measured in the application's JVM (benchmark only): a servlet filter around
 * every {@code POST /api/v1/{caseType}} adds up the requests, their time in the server, the CPU time and the bytes
 * allocated by the thread that served them, and the SQL statements it sent ({@link StatementCounting} counts
 * them per thread). Published as counters {@value #PREFIX}.*; the benchmark divides their growth over a load
 * step by the requests.
 */
final class IntakeProfile implements Filter {

    static final String PREFIX = "ksflow.bench.intake";
    static final String[] FIGURES = {"requests", "nanos", "cpu.nanos", "allocated.bytes", "statements"};

    /** {@code POST /api/v1/{caseType}}: a case's creation, not a hearing reply or anything else. */
    private static final Pattern INTAKE = Pattern.compile("/api/v1/[a-z-]+");
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final LongAdder[] TOTALS = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http && "POST".equals(http.getMethod()) && INTAKE.matcher(http.getRequestURI()).matches())) {
            chain.doFilter(request, response);
            return;
        }
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long statements = StatementCounting.countOfThisThread();
        try {
            chain.doFilter(request, response);
        } finally {
            TOTALS[0].increment();
            TOTALS[1].add(System.nanoTime() - wall);
            TOTALS[2].add(THREADS.getCurrentThreadCpuTime() - cpu);
            TOTALS[3].add(THREADS.getCurrentThreadAllocatedBytes() - allocated);
            TOTALS[4].add(StatementCounting.countOfThisThread() - statements);
        }
    }

    static MeterBinder meter() {
        return registry -> {
            for (int i = 0; i < FIGURES.length; i++) {
                FunctionCounter.builder(PREFIX + "." + FIGURES[i], TOTALS[i], LongAdder::sum)
                        .description("Intake requests' " + FIGURES[i] + " (benchmark only)").register(registry);
            }
        };
    }

    /** The figures' growth between two readings, per request. */
    record PerRequest(long requests, double millis, double cpuMillis, double allocatedKiB, double statements) {

        static PerRequest between(double[] before, double[] after) {
            long requests = (long) (after[0] - before[0]);
            double n = Math.max(1, requests);
            return new PerRequest(requests, (after[1] - before[1]) / n / 1e6, (after[2] - before[2]) / n / 1e6,
                    (after[3] - before[3]) / n / 1024, (after[4] - before[4]) / n);
        }

        String summary() {
            return String.format("per intake request (%d, in the server): %.1f ms, of it %.1f ms CPU (the rest waits: connection pool, "
                    + "database, locks, other threads); %.0f KiB allocated; %.1f SQL statements", requests, millis, cpuMillis, allocatedKiB, statements);
        }
    }
}
