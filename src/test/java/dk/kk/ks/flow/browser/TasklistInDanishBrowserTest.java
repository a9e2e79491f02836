package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Tasklist in a Danish browser: KS Flow's Danish locale (app/tasklist/locales/da.json, first in
 * scripts/config.js), KS Flow's name, and no "time to migrate" banner (styles/user-styles.css). The page says it is
 * Danish ({@code <html lang="da">}, scripts/ks-flow-danish.js) and passes axe-core's WCAG 2.1 AA rules.
 */
class TasklistInDanishBrowserTest extends BrowserTestCase {

    @Override
    protected String browserLanguage() {
        return "da";
    }

    @Test
    void aDanishBrowserSeesTasklistInDanishUnderKsFlowsName() {
        driver.get(tasklistUrl() + "#/login");
        By submit = By.cssSelector("button[type='submit']");
        wait.until(ExpectedConditions.textToBe(submit, "Log ind"));
        assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).getDomAttribute("placeholder"))
                .isEqualTo("Brugernavn");
        assertThat(driver.findElement(By.cssSelector("input[ng-model='password']")).getDomAttribute("placeholder"))
                .isEqualTo("Adgangskode");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "da"));
        screenshot("login");
        assertAccessible("Tasklist's login page");

        logInToTasklist("bo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[normalize-space(text())='Opgaver til mine grupper']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Opret opgave"));
        assertThat(driver.findElement(By.cssSelector(".navbar-brand")).getText()).contains("KS Flow");
        assertThat(driver.findElement(By.tagName("body")).getText())
                .contains("Start proces", "Tastaturgenveje", "Vælg en opgave i listen.")
                .doesNotContain("Camunda 8", "Create task", "Keyboard Shortcuts");
        assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        screenshot("tasklist");
        assertAccessible("Tasklist's task list");
    }
}
