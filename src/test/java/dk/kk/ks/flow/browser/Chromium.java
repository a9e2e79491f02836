package dk.kk.ks.flow.browser;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium with Debian's chromium-driver, in a fresh profile, asking for pages in the given language. Other
 * paths: {@code -Dksflow.browser.chromium=...} and {@code -Dksflow.browser.chromedriver=...} (or CHROMIUM_BIN, CHROMEDRIVER).
 */
final class Chromium {

    private Chromium() {
    }

    static ChromeDriver start(String language, Path profileDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("ksflow.browser.chromium", "CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=" + language, "--user-data-dir=" + profileDir);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(setting("ksflow.browser.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }
}
