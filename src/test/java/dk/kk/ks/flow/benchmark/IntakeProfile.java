package dk.kk.ks.flow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
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
 *
 * <p>It also adds up the serving threads' CPU time of every request by {@link Kind} (counter {@value #CPU_BY_KIND}
 * with tag {@code kind}), so the HTTP threads' share of a case splits into KS Flow's own API, the engine's REST API
 * (the simulated caseworker) and the sandbox's simulators, which stand in for systems that run elsewhere. What
 * Tomcat does before the first filter (reading the socket, parsing the request) is in no kind.
 */
final class IntakeProfile implements Filter {

    static final String PREFIX = "ksflow.bench.intake";
    static final String CPU_BY_KIND = "ksflow.bench.http.cpu.nanos";

    /** What a request is, by its path. */
    enum Kind {
        /** {@code POST /api/v1/{caseType}}: a new case. */
        INTAKE,
        /** The rest of KS Flow's API: lookups, hearing replies. */
        API,
        /** The engine's REST API: the simulated caseworker's task lists and completions, the benchmark's own reads. */
        ENGINE_REST,
        /** The sandbox's simulators of Opus, ServiceNow, eDoc, Digital Post and the card issuer, called by the connectors. */
        SANDBOX,
        /** Anything else: the actuator's metrics the benchmark reads, the webapps. */
        OTHER;

        static Kind of(HttpServletRequest request) {
            String path = request.getRequestURI();
            if (path.startsWith("/api/")) {
                return "POST".equals(request.getMethod()) && INTAKE_PATH.matcher(path).matches() ? INTAKE : API;
            }
            if (path.startsWith("/engine-rest/")) {
                return ENGINE_REST;
            }
            return path.startsWith("/sandbox/") ? SANDBOX : OTHER;
        }

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
    static final String[] FIGURES = {"requests", "nanos", "cpu.nanos", "allocated.bytes", "statements"};

    /** {@code POST /api/v1/{caseType}}: a case's creation, not a hearing reply or anything else. */
    private static final Pattern INTAKE_PATH = Pattern.compile("/api/v1/[a-z-]+");
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final LongAdder[] TOTALS = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private static final Map<Kind, LongAdder> CPU = new EnumMap<>(Kind.class);

    static {
        for (Kind kind : Kind.values()) {
            CPU.put(kind, new LongAdder());
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        Kind kind = Kind.of(http);
        boolean intake = kind == Kind.INTAKE;
        // Time, allocation and statements for the intake only; the CPU for every request
        long wall = intake ? System.nanoTime() : 0;
        long allocated = intake ? THREADS.getCurrentThreadAllocatedBytes() : 0;
        long statements = intake ? StatementCounting.countOfThisThread() : 0;
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long cpuUsed = THREADS.getCurrentThreadCpuTime() - cpu;
            CPU.get(kind).add(cpuUsed);
            if (intake) {
                TOTALS[0].increment();
                TOTALS[1].add(System.nanoTime() - wall);
                TOTALS[2].add(cpuUsed);
                TOTALS[3].add(THREADS.getCurrentThreadAllocatedBytes() - allocated);
                TOTALS[4].add(StatementCounting.countOfThisThread() - statements);
            }
        }
    }

    static MeterBinder meter() {
        return registry -> {
            for (int i = 0; i < FIGURES.length; i++) {
                FunctionCounter.builder(PREFIX + "." + FIGURES[i], TOTALS[i], LongAdder::sum)
                        .description("Intake requests' " + FIGURES[i] + " (benchmark only)").register(registry);
            }
            CPU.forEach((kind, nanos) -> FunctionCounter.builder(CPU_BY_KIND, nanos, LongAdder::sum).tag("kind", kind.tag())
                    .description("CPU time of the threads serving requests of this kind (benchmark only)").register(registry));
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
            return String.format(Locale.ROOT, "per intake request (%d, in the server): %.1f ms, of it %.1f ms CPU (the rest waits: connection pool, "
                    + "database, locks, other threads); %.0f KiB allocated; %.1f SQL statements", requests, millis, cpuMillis, allocatedKiB, statements);
        }
    }
}
