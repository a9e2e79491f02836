package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * axe-core's WCAG 2.1 A and AA rules (Deque's axe-core for Selenium) on the page as it is now. Danish public bodies must
 * meet WCAG 2.1 AA (webtilgængelighedsloven): a test fails on any violation, naming rule, element and fix.
 */
final class Accessibility {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    /** The whole page. */
    static void assertNoViolations(WebDriver driver, String what) {
        check(new AxeBuilder().withTags(WCAG_21_AA).analyze(driver), what);
    }

    /** Only what the CSS selector matches (a form's container, say). */
    static void assertNoViolations(WebDriver driver, String what, String selector) {
        check(new AxeBuilder().withTags(WCAG_21_AA).include(selector).analyze(driver), what);
    }

    private static void check(Results results, String what) {
        assertThat(results.getErrorMessage()).as("axe-core ran on " + what).isNull();
        assertThat(results.getViolations()).as("WCAG 2.1 AA violations on " + what + ":\n" + describe(results.getViolations()))
                .isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream().limit(5)
                        .map(node -> "    " + node.getTarget() + " " + abbreviate(node.getHtml()) + "\n      " + abbreviate(node.getFailureSummary()))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 240 ? flat.substring(0, 240) + "..." : flat;
    }
}
