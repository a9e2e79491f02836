package dk.kk.ks.flow.dismissal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Each letter is rendered from its template to PDF; the text read back from the PDF has the case's facts, æøå intact. */
class DismissalLettersTest {

    private static final String NAME = "Søren Æblegård Østergaard";
    private static final String REASONS = "Gentagne udeblivelser uden gyldig grund i perioden 1. september – 15. oktober 2026, "
            + "trods skriftlig advarsel den 20. august 2026. Samarbejdsvanskeligheder på arbejdspladsen.";

    private final DismissalLetters letters = new DismissalLetters();

    @Test
    void theHearingLetterHasTheNameTheReasonsAndTheDefaultDeadlineOf14Days() throws IOException {
        DismissalLetters.HearingLetter letter = DismissalLetters.HearingLetter.withDefaultDeadline(NAME, REASONS, LocalDate.of(2026, 11, 27));

        String text = textOf(letters.hearingLetter(letter));

        assertThat(letter.hearingDeadline()).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(text).contains(NAME, REASONS, "Partshøring om påtænkt afskedigelse", "forvaltningslovens § 19",
                "11. december 2026", "14 dage", "27. november 2026", "Københavns Kommune");
    }

    @Test
    void theDismissalLetterHasTheNoticeTheTerminationDateAndTheSeverance() throws IOException {
        NoticeCalculation notice = new NoticeCalculation(java.time.Period.of(17, 2, 0), 6, 0, LocalDate.of(2027, 6, 30), 3);

        String text = textOf(letters.dismissalLetter(DismissalLetters.DismissalLetter.of(NAME, REASONS, LocalDate.of(2026, 12, 15), notice)));

        assertThat(text).contains(NAME, REASONS, "6 måneder", "30. juni 2027", "funktionærlovens § 2",
                "fratrædelsesgodtgørelse svarende til 3 måneders løn", "15. december 2026");
    }

    @Test
    void withoutSeveranceTheDismissalLetterSaysNothingAboutIt() throws IOException {
        String text = textOf(letters.dismissalLetter(new DismissalLetters.DismissalLetter(NAME, REASONS, LocalDate.of(2026, 12, 15),
                1, 0, LocalDate.of(2027, 1, 31), 0)));

        assertThat(text).contains("1 måned ", "31. januar 2027").doesNotContain("fratrædelsesgodtgørelse", "1 måneder");
    }

    @Test
    void oneMonthsSeveranceIsSingular() throws IOException {
        String text = textOf(letters.dismissalLetter(new DismissalLetters.DismissalLetter(NAME, REASONS, LocalDate.of(2026, 12, 15),
                6, 0, LocalDate.of(2027, 6, 30), 1)));

        assertThat(text).contains("fratrædelsesgodtgørelse svarende til 1 måneds løn");
    }

    @Test
    void duringProbationTheNoticeIsInDays() throws IOException {
        String text = textOf(letters.dismissalLetter(new DismissalLetters.DismissalLetter(NAME, REASONS, LocalDate.of(2026, 12, 15),
                0, 14, LocalDate.of(2026, 12, 29), 0)));

        assertThat(text).contains("14 dage", "29. december 2026");
    }

    @Test
    void theWithdrawalLetterHasTheNameAndTheJustification() throws IOException {
        String text = textOf(letters.withdrawalLetter(new DismissalLetters.WithdrawalLetter(NAME, LocalDate.of(2026, 12, 14),
                "Dine bemærkninger har vist, at udeblivelserne skyldtes sygdom, som nu er dokumenteret.")));

        assertThat(text).contains(NAME, "bortfalder", "skyldtes sygdom, som nu er dokumenteret", "14. december 2026");
    }

    @Test
    void aLongLetterWrapsOntoMorePagesAndKeepsEveryWord() throws IOException {
        String longReasons = ("Æbler, øl og ål på side efter side. ").repeat(300).strip();

        byte[] pdf = letters.hearingLetter(DismissalLetters.HearingLetter.withDefaultDeadline(NAME, longReasons, LocalDate.of(2026, 11, 27)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(textOf(pdf)).contains(longReasons, "11. december 2026");
    }

    @Test
    void aCharacterTheFontLacksBecomesAQuestionMarkInsteadOfFailingTheCase() throws IOException {
        String text = textOf(letters.withdrawalLetter(new DismissalLetters.WithdrawalLetter(NAME, LocalDate.of(2026, 12, 14),
                "Tak for dit svar \uD83D\uDE42\u0007 og god jul.")));

        assertThat(text).contains("Tak for dit svar ?? og god jul.");
    }

    @Test
    void theTemplatesCommentsDoNotReachTheLetter() {
        String text = letters.hearingLetterText(DismissalLetters.HearingLetter.withDefaultDeadline(NAME, REASONS, LocalDate.of(2026, 11, 27)));

        assertThat(text).doesNotContain("Felter:", "[(", "${").startsWith(DismissalLetters.SENDER);
    }

    @Test
    void thePreviewForTheCaseworkerShowsTheHeadingAsTheLetterReadsIt() {
        DismissalLetters.HearingLetter letter = DismissalLetters.HearingLetter.withDefaultDeadline(NAME, REASONS, LocalDate.of(2026, 11, 27));

        assertThat(letters.hearingLetterText(letter)).contains("\n# Partshøring om påtænkt afskedigelse\n");
        assertThat(letters.hearingLetterPreview(letter)).contains("\nPartshøring om påtænkt afskedigelse\n").doesNotContainPattern("(?m)^#");
    }

    /** The PDF's text with runs of whitespace (line wraps, page breaks) as single spaces. */
    private static String textOf(byte[] pdf) throws IOException {
        assertThat(pdf).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
