package dk.kk.ks.flow.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.ks.flow.support.TestClock;
import dk.kk.ks.flow.support.load.KsFlowClient;

/**
 * KS Flow in a child JVM ({@link BenchmarkApplication} on the test classpath), so its heap and CPU are its
 * own and not the load generator's: a fresh database, a free port, the sandbox simulators, the test clock, and optionally a
 * Java Flight Recording. Output goes to {@code target/benchmark/<name>-<port>.log}.
 */
final class AppProcess implements AutoCloseable {

    static final String HEAP = "-Xmx1g";

    private final Process process;
    private final String baseUrl;
    private final KsFlowClient client;

    private AppProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.client = new KsFlowClient(baseUrl);
    }

    /**
     * @param url       the database's JDBC URL (used as it is: not made fresh)
     * @param jfr       where to write a flight recording of the whole run (profile settings), or null for none
     * @param arguments more Spring Boot arguments, e.g. {@code --camunda.bpm.history-level=audit}
     */
    static AppProcess start(String name, String url, Database database, Path jfr, List<String> arguments)
            throws IOException, InterruptedException {
        int port = freePort();
        Path dir = Files.createDirectories(Path.of("target", "benchmark"));
        List<String> command = new ArrayList<>(List.of(java(), HEAP));
        if (jfr != null) {
            // deep enough for the engine under Tomcat, Spring Security and Jersey (the default, 64, cuts the controllers off)
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr.toAbsolutePath());
        }
        command.addAll(List.of("-cp", classpath(), BenchmarkApplication.class.getName(), "--server.port=" + port,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=", TestClock.offsetArgument()));
        command.addAll(arguments);
        if (database.postgres()) {
            command.add("--spring.profiles.active=postgres");
        }
        Path log = dir.resolve(name + "-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, "http://127.0.0.1:" + port);
        app.awaitUp(Duration.ofMinutes(20), log);
        return app;
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    KsFlowClient client() {
        return client;
    }

    /**
     * The jobs waiting now; -1 if the application does not answer within the client's timeout, so that a step's
     * figures are not lost to a server that is still busy with them. Any other failure is one.
     */
    long jobsWaiting() {
        try {
            return client.getJson("/engine-rest/job/count?executable=true", "demo").get("count").asLong();
        } catch (UncheckedIOException failed) {
            if (failed.getCause() instanceof HttpTimeoutException) {
                return -1;
            }
            throw failed;
        }
    }

    /** A metric's first measurement from /actuator/metrics, e.g. {@code jvm.memory.used} with tag {@code area:heap}. */
    double metric(String name, String tag) {
        HttpResponse<String> response = client.send("GET", "/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag), null, "demo");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET metric " + name + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode measurements = KsFlowClient.json(response).get("measurements");
        return measurements.get(0).get("value").asDouble();
    }

    /** The SQL statements the application has sent so far. */
    long statements() {
        return (long) metric(StatementCounting.METER, null);
    }

    /** The intake requests' figures so far ({@link IntakeProfile#FIGURES}, in that order). */
    double[] intakeProfile() {
        double[] figures = new double[IntakeProfile.FIGURES.length];
        for (int i = 0; i < figures.length; i++) {
            figures[i] = metric(IntakeProfile.PREFIX + "." + IntakeProfile.FIGURES[i], null);
        }
        return figures;
    }

    /** CPU seconds so far of the threads serving each kind of request ({@link IntakeProfile.Kind}). */
    Map<IntakeProfile.Kind, Double> httpCpuSeconds() {
        Map<IntakeProfile.Kind, Double> seconds = new EnumMap<>(IntakeProfile.Kind.class);
        for (IntakeProfile.Kind kind : IntakeProfile.Kind.values()) {
            seconds.put(kind, metric(IntakeProfile.CPU_BY_KIND, "kind:" + kind.tag()) / 1e9);
        }
        return seconds;
    }

    private void awaitUp(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("KS Flow did not start; see " + log);
            }
            try {
                if (client.send("GET", "/actuator/health", null, "demo").statusCode() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("KS Flow did not start within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** This JVM's java executable, for a child JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test classpath, for a child JVM: exec:java's class loader, surefire's test class path, or this JVM's own class path. */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            // Without empty entries: an empty entry is the working directory, whose processes/ would deploy twice.
            Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(File.pathSeparator))
                    .filter(entry -> !entry.isBlank()).forEach(entries::add);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
