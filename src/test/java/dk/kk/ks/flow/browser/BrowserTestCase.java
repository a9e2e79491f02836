package dk.kk.ks.flow.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
        driver = Chromium.start(browserLanguage(), profileDir);
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

    /** Tasklist's "Claim" in the browser's language. */
    protected String claimLabel() {
        return "da".equals(browserLanguage()) ? "Tag opgaven" : "Claim";
    }

    /** Tasklist's "Complete" in the browser's language. */
    protected String completeLabel() {
        return "da".equals(browserLanguage()) ? "Afslut" : "Complete";
    }

    /** Waits until the task's Camunda Form has rendered its fields. */
    protected void awaitForm() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    }

    /**
     * Completes the form with a required field still empty: form-js refuses it under the field, in Danish (KS Flow's
     * Tasklist script), and the page still passes axe-core's WCAG 2.1 AA rules.
     */
    protected void submitIncompleteForm(String state) {
        clickButton(completeLabel());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "Feltet skal udfyldes."));
        assertAccessible(state);
        hideNotifications();
    }

    /** Tasklist's notification of a refused completion cannot be closed, and it would cover the form's buttons. */
    protected void hideNotifications() {
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('.page-notifications').forEach(p => p.style.display = 'none');");
    }

    /** axe-core's WCAG 2.1 A and AA rules on the whole page (Tasklist with KS Flow's patches, or KS Flow's own page). */
    protected void assertAccessible(String state) {
        Accessibility.assertNoViolations(driver, state);
    }

    /** What the form shows, as a caseworker reads it: each field's label and value (or text), one per line. */
    protected String formAsRead() {
        awaitForm();
        Object text = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('.fjs-container .fjs-form-field')).map(field => {
                  const control = field.querySelector('input:not([type=radio]):not([type=checkbox]), textarea');
                  return control ? (field.querySelector('label') || {}).innerText + ': ' + control.value : field.innerText;
                }).join('\\n');""");
        return String.valueOf(text);
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
                labelled(label) + "/following::*[self::input or self::textarea][1]")));
        wait.until(d -> !String.valueOf(input.getDomProperty("value")).isEmpty());
        return input.getDomProperty("value");
    }

    /** Replaces the text of the input with that label. */
    protected void typeInto(String label, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath(labelled(label) + "/following::input[1]")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    protected void typeIntoTextarea(String label, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath(labelled(label) + "/following::textarea[1]"))).sendKeys(text);
    }

    /** The form field's label, with or without form-js's asterisk of a required field. */
    private static String labelled(String label) {
        return "//label[normalize-space()='" + label + "' or normalize-space()='" + label + "*']";
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
