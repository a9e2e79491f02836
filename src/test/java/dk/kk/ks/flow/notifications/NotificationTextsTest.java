package dk.kk.ks.flow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The e-mail templates (src/main/resources/notifications/) filled in: Danish, the facts a person needs, nothing more. */
class NotificationTextsTest {

    private final NotificationTexts texts = new NotificationTexts();

    private static final CaseFacts.WaitingTask PAYOUT = new CaseFacts.WaitingTask("task-1", "Godkend udbetaling (RITM0000001)",
            "Fakturaudbetaling", "Beløb", "12.500,00 kr.", "09-04-2027", "10-03-2027",
            "http://localhost:8080/camunda/app/tasklist/default/#/?task=task-1");
    private static final CaseFacts.WaitingTask TIMESHEET = new CaseFacts.WaitingTask("task-2", "Kontroller timeseddel (RITM0000002)",
            "Timeseddel", null, null, null, "10-03-2027", "http://localhost:8080/camunda/app/tasklist/default/#/?task=task-2");

    @Test
    void aTaskMailSaysWhatWaitsWithTheAmountTheDeadlineAndTheLink() {
        NotificationTexts.Mail mail = texts.task(PAYOUT, "Bo Berg");

        assertThat(mail.subject()).isEqualTo("Opgave til dig i KS Flow: Godkend udbetaling (RITM0000001)");
        assertThat(mail.text())
                .startsWith("Hej Bo Berg,\n")
                .contains("Sagstype: Fakturaudbetaling\n")
                .contains("Opgave: Godkend udbetaling (RITM0000001)\n")
                .contains("Beløb: 12.500,00 kr.\n")
                .contains("Frist: 09-04-2027\n")
                .contains("\nhttp://localhost:8080/camunda/app/tasklist/default/#/?task=task-1\n")
                .doesNotContain("[(").doesNotContain("th:").doesNotContain("Felter")
                .doesNotContain("\n\n\n");
    }

    @Test
    void withoutAnAmountOrDeadlineThoseLinesAreLeftOutAndAMailboxIsGreetedWithoutAName() {
        NotificationTexts.Mail mail = texts.task(TIMESHEET, null);

        assertThat(mail.text()).startsWith("Hej,\n").doesNotContain("Beløb").doesNotContain("Frist").doesNotContain("null")
                .doesNotContain("\n\n\n");
    }

    @Test
    void aReminderSaysSinceWhenTheTaskHasWaited() {
        NotificationTexts.Mail mail = texts.reminder(PAYOUT, "Bo Berg");

        assertThat(mail.subject()).isEqualTo("Påmindelse: Godkend udbetaling (RITM0000001) venter stadig");
        assertThat(mail.text()).contains("har ventet siden 10-03-2027").contains("?task=task-1");
    }

    @Test
    void aDigestListsEveryTaskWithItsLink() {
        NotificationTexts.Mail mail = texts.digest(List.of(PAYOUT, TIMESHEET), "Bo Berg", "http://localhost:8080/camunda/app/tasklist/default/");

        assertThat(mail.subject()).isEqualTo("2 opgaver venter på dig i KS Flow");
        assertThat(mail.text())
                .contains("- Fakturaudbetaling: Godkend udbetaling (RITM0000001)\n  Beløb: 12.500,00 kr.\n  Frist: 09-04-2027\n"
                        + "  http://localhost:8080/camunda/app/tasklist/default/#/?task=task-1\n")
                .contains("- Timeseddel: Kontroller timeseddel (RITM0000002)\n"
                        + "  http://localhost:8080/camunda/app/tasklist/default/#/?task=task-2\n")
                .doesNotContain("\n\n\n");
        assertThat(texts.digest(List.of(PAYOUT), null, "x").subject()).isEqualTo("1 opgave venter på dig i KS Flow");
    }

    @Test
    void aControlCharacterInATaskNameNeverReachesTheSubjectHeader() {
        CaseFacts.WaitingTask odd = new CaseFacts.WaitingTask("task-3", "Godkend\rBcc: x@example.org (RITM0000003)", "Fakturaudbetaling",
                null, null, null, "10-03-2027", "http://localhost:8080/camunda/app/tasklist/default/#/?task=task-3");

        assertThat(texts.task(odd, null).subject()).isEqualTo("Opgave til dig i KS Flow: Godkend Bcc: x@example.org (RITM0000003)")
                .doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void caseNoticesNameTheCaseAndForAnEscalationTheApprover() {
        CaseFacts.CaseSummary card = new CaseFacts.CaseSummary("Betalingskort", "Betalingskort (RITM0000007)", "Kortgrænse pr. måned",
                "20.000,00 kr.");

        NotificationTexts.Mail escalated = texts.escalated(card, "Lise Leder", "Lars Leder");
        NotificationTexts.Mail expired = texts.expired(card, "Anna Andersen");

        assertThat(escalated.subject()).isEqualTo("Betalingskort (RITM0000007): godkendelsen er sendt til din leder");
        assertThat(escalated.text()).contains("Lars Leder").contains("Kortgrænse pr. måned: 20.000,00 kr.");
        assertThat(expired.subject()).isEqualTo("Betalingskort (RITM0000007) er udløbet");
        assertThat(expired.text()).startsWith("Hej Anna Andersen,").contains("Sag: Betalingskort (RITM0000007)");
    }
}
