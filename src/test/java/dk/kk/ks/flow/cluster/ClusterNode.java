package dk.kk.ks.flow.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dk.kk.ks.flow.support.TestClock;

/**
 * One KS Flow node in a child JVM: the application's main class with this test's classpath (less the test
 * classes), on PostgreSQL, on a port of its own, with stdout and stderr appended to {@code target/cluster/<name>.log}.
 * {@link #kill()} is a SIGKILL: the node gets no chance to finish or hand back anything.
 */
final class ClusterNode {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    /**
     * @param name        the node's name, also its engine's host name in the job log (ACT_HI_JOB_LOG.HOSTNAME_)
     * @param environment extra environment (the database)
     * @param properties  Spring properties, passed as {@code --name=value}
     */
    ClusterNode(String name, Map<String, String> environment, Map<String, String> properties) {
        this.name = name;
        this.port = freePort();
        this.environment = environment;
        this.arguments = new ArrayList<>();
        arguments.add("--server.port=" + port);
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        // Every node on the test clock, as the test itself: the nodes agree on the time (a dead node's job locks expire).
        arguments.add(TestClock.offsetArgument());
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        this.log = Path.of("target", "cluster", name + ".log");
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the JVM and waits until /actuator/health is UP; a node that exits first fails with its log's tail. */
    void start() {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", applicationClasspath(), "dk.kk.ks.flow.KsFlowApplication"));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            // A test JVM that ends without stopping its nodes (a crash, a timeout) takes them along.
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException("Node " + name + " did not start", e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Node " + name + " not healthy after " + START_TIMEOUT + ":\n" + logTail());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Linux); answers the exit status, 137 = 128 + SIGKILL. */
    int kill() {
        process.destroyForcibly();
        return waitForExit();
    }

    /** SIGTERM: Spring Boot shuts down gracefully; SIGKILL if it has not within a minute. */
    void stop() {
        if (isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Fails with the log's tail when the node died on its own. */
    void assertAlive() {
        if (!isAlive()) {
            throw new IllegalStateException("Node " + name + " died (exit " + process.exitValue() + "):\n" + logTail());
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for node " + name, e);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test's classpath without the test classes (their configurations would be scanned as the application's).
     * Surefire runs the tests from a manifest-only jar and names the real classpath in surefire.test.class.path.
     */
    private static String applicationClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
