package dk.kk.ks.flow.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Browser tests: the whole application (as {@link IntegrationTestCase}) driven through Camunda Tasklist in
 * headless Chromium with Debian's chromium-driver. Tagged "browser": only {@code mvn test -Pbrowser} runs them.
 * Every test gets a fresh browser profile; screenshots go to target/screenshots/ (key steps and failures).
 */
@Tag("browser")
public abstract class BrowserTestCase extends IntegrationTestCase {

    protected static final Duration UI_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    final Screenshots screenshots = new Screenshots(() -> this.driver);

    @LocalServerPort
    private int port;

    protected WebDriver driver;
    protected WebDriverWait wait;
    private WebDriverWait clickWait;
    private Path profileDir;

    /** The browser's preferred language; Danish approvers' browsers ask for "da". */
    protected String browserLanguage() {
        return "en";
    }

    @BeforeEach
    void startBrowser(TestInfo testInfo) throws IOException {
        screenshots.startTest(testInfo);
        profileDir = Files.createTempDirectory("ksflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("ksflow.browser.chromium", "CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=" + browserLanguage(), "--user-data-dir=" + profileDir);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", browserLanguage()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(setting("ksflow.browser.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, UI_TIMEOUT);
        clickWait = new WebDriverWait(driver, UI_TIMEOUT);
        clickWait.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (profileDir != null) {
            FileSystemUtils.deleteRecursively(profileDir.toFile());
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }

    protected String tasklistUrl() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    protected void screenshot(String step) {
        screenshots.take(step);
    }

    // --- Tasklist, as an approver uses it ---

    protected void logInToTasklist(String user) {
        driver.get(tasklistUrl() + "#/login");
        // On a busy machine Tasklist may render the login form again while the keys are typed: type until both fields hold them.
        new WebDriverWait(driver, UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class).until(d -> {
            WebElement username = d.findElement(By.cssSelector("input[ng-model='username']"));
            WebElement password = d.findElement(By.cssSelector("input[ng-model='password']"));
            username.clear();
            username.sendKeys(user);
            password.clear();
            password.sendKeys(user);
            return user.equals(username.getDomProperty("value")) && user.equals(password.getDomProperty("value"));
        });
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
    }

    protected void openFilter(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'filters')]//*[normalize-space(text())='" + name + "']"))).click();
    }

    /** Clicks the task of that name in the list, the one with the given id (other tests' tasks may be listed too). */
    protected void openTask(String name, String taskId) {
        By entry = By.xpath("//li[contains(@class,'task')][.//*[normalize-space(text())='" + name + "']]");
        WebElement task = wait.until(d -> {
            List<WebElement> entries = d.findElements(entry);
            return entries.stream()
                    .filter(e -> String.valueOf(e.getDomProperty("innerHTML")).contains(taskId))
                    .findFirst().orElse(null);
        });
        task.findElement(By.xpath(".//*[normalize-space(text())='" + name + "']")).click();
        wait.until(ExpectedConditions.urlContains(taskId));
    }

    protected void clickButton(String text) {
        click(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /**
     * Scrolls the element to the middle of the view, then clicks it; again while something covers it (Tasklist's
     * footer covers the bottom of a long form, and the form may still be laying itself out).
     */
    protected void click(By locator) {
        clickWait.until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return true;
        });
    }

    /** The value shown in the form field with that label (form-js). */
    protected String formField(String label) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//label[normalize-space()='" + label + "']/following::*[self::input or self::textarea][1]")));
        wait.until(d -> !String.valueOf(input.getDomProperty("value")).isEmpty());
        return input.getDomProperty("value");
    }

    protected void chooseRadio(String label) {
        click(By.xpath("//label[normalize-space()='" + label + "']"));
    }

    /** The text of Tasklist's error notification that contains the given text, once it shows. */
    protected String errorNotification(String containing) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'alert-danger')][contains(normalize-space(.),'" + containing + "')]"))).getText();
    }
}
