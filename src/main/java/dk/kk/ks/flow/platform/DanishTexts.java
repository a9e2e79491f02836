package dk.kk.ks.flow.platform;

import static java.util.Map.entry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/**
 * What a caseworker reads in a form or on KS Flow's pages, in Danish: the Danish names of the codes that cases
 * carry (triage, resignation reasons, dismissal reason categories, forvaltninger, case types, supplement
 * categories), and dates, numbers and amounts in Danish notation ({@code 12-02-2027}, {@code 5,71},
 * {@code 12.500,00 kr.}). The codes stay what the processes, the decision tables and the REST API use; only
 * what a person reads is translated. (The outcome and reason texts of the ServiceNow work notes have their own table.)
 */
public final class DanishTexts {

    /** Dates as Danish caseworkers write them: {@code 12-02-2027}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /** Resignation reasons (the intake field {@code reason} of a resignation). */
    public static final Map<String, String> RESIGNATION_REASONS = Map.of(
            "RESIGNATION", "Egen opsigelse",
            "RETIREMENT", "Pension",
            "DEATH", "Dødsfald",
            "FIXED_TERM_END", "Tidsbegrænset ansættelse udløbet",
            "DISMISSAL", "Afskedigelse");

    /** The resignation triage (decision table "Visitering"). */
    public static final Map<String, String> TRIAGE = Map.of(
            "AUTOMATIC", "Automatisk behandling",
            "STANDARD", "Manuel behandling",
            "SPECIAL", "Særlig sag");

    /** Why the triage sent a resignation to a caseworker (decision table "Visitering"). */
    public static final Map<String, String> TRIAGE_REASONS = Map.of(
            "ROUTINE", "Almindelig fratrædelse",
            "ADVANCE_HOLIDAY", "Ferie holdt på forskud, som skal modregnes",
            "DEATH", "Dødsfald",
            "CIVIL_SERVANT", "Medarbejderen er tjenestemand",
            "PAYMENT_CARD_NOT_CLOSED", "Betalingskortet kunne ikke spærres automatisk");

    /** The reason categories of an involuntary dismissal. */
    public static final Map<String, String> DISMISSAL_REASONS = Map.of(
            "WORK_SHORTAGE", "Arbejdsmangel",
            "COOPERATION", "Samarbejdsvanskeligheder",
            "UNSUITABILITY", "Uegnethed",
            "MISCONDUCT", "Misligholdelse",
            "ILLNESS", "Sygdom");

    /** Københavns Kommune's forvaltninger, by the abbreviation the case carries. */
    public static final Map<String, String> DEPARTMENTS = Map.of(
            "BUF", "Børne- og Ungdomsforvaltningen (BUF)",
            "SUF", "Sundheds- og Omsorgsforvaltningen (SUF)",
            "KFF", "Kultur- og Fritidsforvaltningen (KFF)",
            "TMF", "Teknik- og Miljøforvaltningen (TMF)",
            "BIF", "Beskæftigelses- og Integrationsforvaltningen (BIF)",
            "ØKF", "Økonomiforvaltningen (ØKF)",
            "SOF", "Socialforvaltningen (SOF)");

    /** Case types (the intake API's path segments), as management reads them on the benefits page. */
    public static final Map<String, String> CASE_TYPES = Map.ofEntries(
            entry("invoice-payouts", "Fakturaudbetalinger"),
            entry("timesheets", "Timesedler"),
            entry("resignations", "Fratrædelser"),
            entry("dismissals", "Uansøgte afskedigelser"),
            entry("service-contract-regulations", "Regulering af servicekontrakter"),
            entry("postings", "Posteringer"),
            entry("payment-cards", "Betalingskort"));

    /** Supplement categories, by the words the timesheet form's corrections take. */
    public static final Map<String, String> SUPPLEMENT_CATEGORIES = Map.of(
            "EVENING", "aften",
            "NIGHT", "nat",
            "SATURDAY", "lørdag",
            "SUNDAY_HOLIDAY", "helligdag",
            "OVERTIME_50", "overarbejde50",
            "OVERTIME_100", "overarbejde100");

    private DanishTexts() {
    }

    /** The Danish text of a code from one of the tables above; an unknown code is shown as it is (never hidden). */
    public static String of(Map<String, String> texts, String code) {
        return code == null ? null : texts.getOrDefault(code, code);
    }

    /** {@code 12-02-2027}. */
    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** An ISO date ({@code 2027-02-12}) as {@code 12-02-2027}; a text that is no ISO date is returned as it is. */
    public static String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return isoDate;
        }
        try {
            return date(LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    /** An ISO timestamp ({@code 2027-04-10T09:00:00+02:00}) as {@code 10-04-2027 kl. 09:00}, Danish time. */
    public static String dateTime(String isoTimestamp) {
        if (isoTimestamp == null || isoTimestamp.isBlank()) {
            return isoTimestamp;
        }
        try {
            var time = OffsetDateTime.parse(isoTimestamp).atZoneSameInstant(COPENHAGEN);
            return date(time.toLocalDate()) + " kl. " + TIME.format(time);
        } catch (DateTimeParseException e) {
            return isoTimestamp;
        }
    }

    /**
     * A date as a caseworker types it: {@code 12-02-2027} (also {@code 12.02.2027} or {@code 12/02/2027}), or the
     * ISO form {@code 2027-02-12} that API clients send.
     *
     * @throws DateTimeParseException when it is neither
     */
    public static LocalDate parseDate(String text) {
        String value = text.strip();
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(value);
        }
        return LocalDate.parse(value.replace('.', '-').replace('/', '-'), DATE);
    }

    /** A number with Danish separators and the given decimals: {@code 1.924,50}. */
    public static String number(BigDecimal value, int decimals) {
        if (value == null) {
            return null;
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        return format.format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    public static String number(Number value, int decimals) {
        return value == null ? null : number(value instanceof BigDecimal big ? big : new BigDecimal(value.toString()), decimals);
    }

    /** {@code 12.500,00 kr.} */
    public static String kroner(Number amount) {
        return amount == null ? null : Kroner.format(amount instanceof BigDecimal big ? big : new BigDecimal(amount.toString()));
    }

    /** Days with two decimals: {@code 5,71 dage}, {@code 1,00 dag}. */
    public static String days(Number days) {
        if (days == null) {
            return null;
        }
        String number = number(days, 2);
        return number + ("1,00".equals(number) ? " dag" : " dage");
    }
}
