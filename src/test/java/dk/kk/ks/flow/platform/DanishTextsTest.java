package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class DanishTextsTest {

    @Test
    void amountsDaysAndNumbersUseDanishSeparators() {
        assertThat(DanishTexts.kroner(12500.0)).isEqualTo("12.500,00 kr.");
        assertThat(DanishTexts.kroner(8740.685)).isEqualTo("8.740,69 kr.");
        assertThat(DanishTexts.kroner(new BigDecimal("-1234567.5"))).isEqualTo("-1.234.567,50 kr.");
        assertThat(DanishTexts.days(5.71)).isEqualTo("5,71 dage");
        assertThat(DanishTexts.days(1)).isEqualTo("1,00 dag");
        assertThat(DanishTexts.number(1924, 0)).isEqualTo("1.924");
        assertThat(DanishTexts.number(new BigDecimal("0.125"), 2)).isEqualTo("0,13");
    }

    @Test
    void datesAreWrittenAndReadAsDanishCaseworkersWriteThem() {
        assertThat(DanishTexts.date("2027-02-12")).isEqualTo("12-02-2027");
        assertThat(DanishTexts.date("ikke en dato")).isEqualTo("ikke en dato");
        assertThat(DanishTexts.dateTime("2027-04-10T07:00:00Z")).isEqualTo("10-04-2027 kl. 09:00");
        assertThat(DanishTexts.parseDate("12-02-2027")).isEqualTo(LocalDate.of(2027, 2, 12));
        assertThat(DanishTexts.parseDate(" 12.02.2027 ")).isEqualTo(LocalDate.of(2027, 2, 12));
        assertThat(DanishTexts.parseDate("2027-02-12")).isEqualTo(LocalDate.of(2027, 2, 12));
        assertThatThrownBy(() -> DanishTexts.parseDate("31-02-2027")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> DanishTexts.parseDate("02/12/27")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void codesAreShownByTheirDanishNamesAndAnUnknownCodeAsItIs() {
        assertThat(DanishTexts.of(DanishTexts.TRIAGE, "STANDARD")).isEqualTo("Manuel behandling");
        assertThat(DanishTexts.of(DanishTexts.RESIGNATION_REASONS, "RESIGNATION")).isEqualTo("Egen opsigelse");
        assertThat(DanishTexts.of(DanishTexts.DISMISSAL_REASONS, "WORK_SHORTAGE")).isEqualTo("Arbejdsmangel");
        assertThat(DanishTexts.of(DanishTexts.CASE_TYPES, "invoice-payouts")).isEqualTo("Fakturaudbetalinger");
        assertThat(DanishTexts.of(DanishTexts.TRIAGE, "NEW_CODE")).isEqualTo("NEW_CODE");
    }
}
