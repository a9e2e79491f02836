package dk.kk.ks.flow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The sandbox (simulators, sandbox users, the sandbox's mail server) lives in {@code dk.kk.ks.flow.sandbox} and nowhere
 * else: no production class refers to it, and every Spring bean in it is switched on by {@code ksflow.sandbox.enabled}
 * only (off in production; {@code ProductionProfileTest} checks the running application).
 */
class SandboxSeparationTest {

    private static final Path MAIN = Path.of("src/main/java/dk/kk/ks/flow");
    private static final Path SANDBOX = MAIN.resolve("sandbox");
    private static final Pattern BEAN = Pattern.compile("^@(Component|RestController|Controller|Configuration|Service)\\b", Pattern.MULTILINE);

    @Test
    void noProductionClassRefersToTheSandbox() {
        List<Path> offenders = javaFiles(MAIN).filter(file -> !file.startsWith(SANDBOX))
                .filter(file -> read(file).contains("dk.kk.ks.flow.sandbox"))
                .toList();

        assertThat(offenders).isEmpty();
    }

    @Test
    void noSimulatorIsLeftInTheProductionTree() {
        List<Path> simulators = javaFiles(MAIN).filter(file -> !file.startsWith(SANDBOX))
                .filter(file -> file.getFileName().toString().matches(".*(Simulator|Sandbox).*\\.java"))
                .toList();

        assertThat(simulators).isEmpty();
    }

    @Test
    void everySandboxBeanNeedsTheSandboxSwitch() {
        List<Path> unswitched = javaFiles(SANDBOX)
                .filter(file -> BEAN.matcher(read(file)).find())
                .filter(file -> !read(file).contains("@ConditionalOnProperty(name = \"ksflow.sandbox.enabled\", havingValue = \"true\")"))
                .toList();

        assertThat(javaFiles(SANDBOX)).isNotEmpty();
        assertThat(unswitched).isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
