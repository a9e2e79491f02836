package dk.kk.ks.flow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Supplier;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves screenshots under target/screenshots/{test class}/{test method}-{step}.png: at the steps a test names,
 * and, when a test fails, the page as it was (screenshot and HTML) before the browser closes.
 */
final class Screenshots implements AfterTestExecutionCallback {

    private static final Logger LOG = LoggerFactory.getLogger(Screenshots.class);
    static final Path ROOT = Paths.get("target", "screenshots");

    private final Supplier<WebDriver> driver;
    private Path prefix;

    Screenshots(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    void startTest(TestInfo info) {
        String testClass = info.getTestClass().map(Class::getSimpleName).orElse("unknown");
        String method = info.getTestMethod().map(m -> m.getName()).orElse("unknown");
        prefix = ROOT.resolve(testClass).resolve(method);
    }

    /** Takes a screenshot now; returns its file. */
    Path take(String step) {
        WebDriver current = driver.get();
        if (current == null || prefix == null) {
            return null;
        }
        try {
            Path file = Paths.get(prefix + "-" + step + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) current).getScreenshotAs(OutputType.BYTES));
            LOG.info("Screenshot {}", file.toAbsolutePath());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || driver.get() == null) {
            return;
        }
        try {
            take("failure");
            Files.writeString(Paths.get(prefix + "-failure.html"), driver.get().getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            LOG.warn("Could not save the failure screenshot: {}", e.toString());
        }
    }
}
