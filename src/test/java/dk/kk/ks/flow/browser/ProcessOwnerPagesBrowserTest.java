package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The process owners' pages in a Danish browser: where cases wait (the deployed diagram drawn by bpmn-js with the
 * figures on its steps) and trying a decision table; both Danish, and no violation of axe-core's WCAG 2.1 AA rules.
 */
class ProcessOwnerPagesBrowserTest extends BrowserTestCase {

    @Override
    protected String browserLanguage() {
        return "da";
    }

    @Test
    void theWaitingTimesPageDrawsTheDiagramWithTheFiguresOnItsSteps() {
        String caseId = payout(15000.00);
        awaitStep(caseId, "Godkend udbetaling");

        for (String user : new String[] {"procesejer", "chef"}) {
            driver.get(withCredentials(user, "/process-owners/waiting-times/invoice-payouts"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram[data-rendered]")));
            assertThat(driver.findElement(By.id("diagram")).getDomAttribute("data-rendered")).isEqualTo("true");
            screenshot("waiting-times-" + user);

            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("da");
            assertThat(driver.findElement(By.cssSelector("label[for='from']")).getText()).isEqualTo("Fra");
            assertThat(driver.findElements(By.cssSelector("#diagram .djs-container svg"))).isNotEmpty();
            assertThat(driver.findElement(By.cssSelector("#diagram [data-element-id='Task_Approve']"))).isNotNull();
            assertThat(driver.findElements(By.cssSelector("#diagram .ksf-waiting"))).extracting(e -> e.getText())
                    .anyMatch(text -> text.matches("\\d+ venter"));
            assertThat(driver.findElement(By.tagName("table")).getText()).contains("Godkend udbetaling", "Venter nu");
            assertAccessible("/process-owners/waiting-times/invoice-payouts as " + user);
        }
    }

    @Test
    void theWhatIfPageUploadsATableAndShowsTheAnswer() throws IOException {
        payout(15000.00);
        Path candidate = Files.createTempFile("kandidat", ".dmn");
        try {
            Files.writeString(candidate, Files.readString(Path.of("processes", "invoice-payout-approvals.dmn"), StandardCharsets.UTF_8)
                    .replace("&gt; 10000", "&gt; 20000"));
            driver.get(withCredentials("procesejer", "/process-owners/what-if"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(driver.findElement(By.cssSelector("label[for='table']")).getText()).isEqualTo("Ændret tabel (.dmn)");
            assertAccessible("/process-owners/what-if");

            driver.findElement(By.id("table")).sendKeys(candidate.toAbsolutePath().toString());
            driver.findElement(By.xpath("//button[normalize-space()='Prøv tabellen']")).click();
            String summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary"))).getText();
            screenshot("what-if");
            assertThat(summary).containsPattern("Den nye tabel ændrer resultatet i [1-9]\\d* af dem");
            assertAccessible("/process-owners/what-if with an answer");
        } finally {
            Files.delete(candidate);
        }
    }

    private String payout(double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", newServiceNowRef("RITM"));
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Procesejerens sider");
        body.put("requestedBy", "anna");
        return createCase("invoice-payouts", body).getBody().caseId();
    }

    /** The page's address with the sandbox user's credentials (HTTP Basic; password = user id). */
    private String withCredentials(String user, String path) {
        return tasklistUrl().replaceFirst("^http://", "http://" + user + ":" + user + "@").replaceFirst("/camunda/.*$", path);
    }
}
