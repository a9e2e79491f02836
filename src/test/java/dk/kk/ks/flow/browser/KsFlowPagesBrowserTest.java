package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** KS Flow's own pages (not Tasklist's) in a Danish browser: Danish, and no violation of axe-core's WCAG 2.1 AA rules. */
class KsFlowPagesBrowserTest extends BrowserTestCase {

    @Override
    protected String browserLanguage() {
        return "da";
    }

    @Test
    void theBenefitsPageIsDanishAndAccessible() {
        driver.get(withCredentials("chef", "/benefits"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        screenshot("benefits");

        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("da");
        assertThat(driver.findElement(By.cssSelector("label[for='from']")).getText()).isEqualTo("Fra");
        assertThat(driver.findElement(By.tagName("body")).getText())
                .contains("Fakturaudbetalinger", "Timesedler", "Fratrædelser").doesNotContain("invoice-payouts", "timesheets")
                .containsPattern("Sager startet fra \\d{2}-\\d{2}-\\d{4} til");
        assertAccessible("/benefits");
    }

    @Test
    void theSandboxPageIsAccessible() {
        driver.get(withCredentials("demo", "/sandbox"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));

        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("da");
        assertAccessible("/sandbox");
    }

    /** The page's address with the sandbox user's credentials (HTTP Basic; password = user id). */
    private String withCredentials(String user, String path) {
        return tasklistUrl().replaceFirst("^http://", "http://" + user + ":" + user + "@").replaceFirst("/camunda/.*$", path);
    }
}
