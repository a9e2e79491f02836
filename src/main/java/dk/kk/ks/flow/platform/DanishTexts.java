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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person reads, in Danish: the one place that maps each code a case carries to its Danish text (outcomes
 * and reasons, triage, resignation reasons, dismissal reason categories, forvaltninger, case types, supplement
 * categories), used by the forms ({@link FormTexts}), the ServiceNow work notes, the letters, the e-mails and the
 * benefits page; and dates, numbers and amounts in Danish notation ({@code 12-02-2027}, {@code 5,71},
 * {@code 12.500,00 kr.}). The codes stay what the processes, the decision tables and the REST API use (in Java
 * they are the enums {@code cases/Outcome} and {@code cases/Reason}); only what a person reads is translated.
 */
public final class DanishTexts {

    private static final Logger LOG = LoggerFactory.getLogger(DanishTexts.class);

    /** Every outcome a case can end with ("Udfald: ..." in the work note). */
    public static final Map<String, String> OUTCOMES = Map.ofEntries(
            entry("PAID", "Udbetalt"),
            entry("POSTED", "Bogført"),
            entry("REGISTERED", "Registreret i Opus Løn"),
            entry("ORDERED", "Kortet er bestilt"),
            entry("CLOSED", "Kortet er spærret"),
            entry("DISMISSED", "Medarbejderen er afskediget"),
            entry("WITHDRAWN", "Afskedigelsen er tilbagekaldt"),
            entry("REJECTED", "Afvist"),
            entry("EXPIRED", "Udløbet uden godkendelse"));

    /**
     * Every reason a case records: why it was rejected, or why a person reviewed it ("Begrundelse: ..." in the work
     * note, "Begrundelse for visitering" in the resignation form). Reasons come from the case types, their decision
     * tables (which process owners change) and the external systems' refusals.
     */
    public static final Map<String, String> REASONS = Map.ofEntries(
            // Decisions of people
            entry("REJECTED_BY_APPROVER", "Afvist af godkenderen"),
            entry("REJECTED_BY_REVIEWER", "Afvist ved gennemgang"),
            entry("REJECTED_BY_CASEWORKER", "Afvist af sagsbehandleren"),
            entry("EXPIRED", "Godkendelsen blev ikke givet inden fristen"),
            // Master data in Opus
            entry("UNKNOWN_EMPLOYEE", "Medarbejderen findes ikke i Opus"),
            entry("DEBTOR_BLOCKED", "Debitoren er spærret i Opus Debitor"),
            // Postings and settlements in Opus Økonomi (the decision table's rules and the ledger's refusals)
            entry("TOO_FEW_LINES", "Posteringen skal have mindst to linjer"),
            entry("UNBALANCED", "Linjerne går ikke i nul (summen skal være præcis 0,00 kr.)"),
            entry("UNKNOWN_ACCOUNT", "En eller flere konti findes ikke eller er ikke aktive i Opus Økonomi"),
            entry("INACTIVE_COST_CENTER", "Et eller flere omkostningssteder er ikke aktive"),
            entry("PERIOD_CLOSED", "Bogføringsperioden er lukket i Opus Økonomi"),
            entry("INVALID_VAT_CODE", "En momskode er ikke tilladt på kontoen"),
            // Service contracts
            entry("UNKNOWN_CONTRACT", "Servicekontrakten findes ikke i kontraktregistret"),
            entry("CONTRACT_INACTIVE", "Servicekontrakten er ikke aktiv på ikrafttrædelsesdatoen"),
            entry("WRONG_DEPARTMENT", "Servicekontrakten tilhører en anden forvaltning"),
            // Payment cards
            entry("NO_MANAGER", "Opus har ingen leder med en bruger for medarbejderen; KS Økonomi udpegede godkenderen"),
            entry("NO_MANAGER_ABOVE_REQUESTER",
                    "Bestilleren er medarbejderens leder, og Opus har ingen leder over bestilleren; KS Økonomi udpegede godkenderen"),
            entry("LIMIT_ABOVE_MAXIMUM", "Kortudstederen afviser grænsen: den er over udstederens maksimum"),
            entry("NO_OPEN_CARD", "Medarbejderen har intet åbent betalingskort"),
            // Timesheets: why a person checked the timesheet
            entry("LINE_OVER_13_HOURS", "En linje er på mere end 13 timer"),
            entry("OVERLAPPING_LINES", "To linjer overlapper hinanden"),
            entry("FUTURE_DATE", "En linje ligger i fremtiden"),
            entry("OLDER_THAN_90_DAYS", "En linje er mere end 90 dage gammel"),
            entry("NOT_EMPLOYED_ON_DATE", "Medarbejderen var ikke ansat på en af dagene"),
            // Resignations: why a person handled the resignation (the triage decision table "Visitering")
            entry("DEATH", "Fratrædelsen skyldes dødsfald"),
            entry("CIVIL_SERVANT", "Medarbejderen er tjenestemand"),
            entry("ADVANCE_HOLIDAY", "Ferie holdt på forskud, som skal modregnes"),
            entry("PAYMENT_CARD_NOT_CLOSED", "Medarbejderens betalingskort kunne ikke spærres automatisk"),
            entry("ROUTINE", "Almindelig fratrædelse"),
            // An external system's refusal without a code of its own
            entry("NOT_FOUND", "Det eksterne system kender ikke det, sagen henviser til"),
            entry("CONFLICT", "Det eksterne system afviser ændringen, fordi den strider mod dets data"),
            entry("REJECTED", "Det eksterne system afviser anmodningen"));

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

    /** Each diagram's case, by its process key, as an e-mail names it ("Sagstype: ..."). */
    public static final Map<String, String> PROCESSES = Map.of(
            "invoice-payout", "Fakturaudbetaling",
            "payment-card", "Betalingskort",
            "service-contract-regulation", "Regulering af servicekontrakt",
            "posting", "Postering",
            "timesheet", "Timeseddel",
            "resignation", "Fratrædelse",
            "dismissal", "Afskedigelse",
            "robot-resignation-reconciliation", "Afstemning af fratrædelser");

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

    /**
     * The Danish text of an outcome or reason code; a code without a text is shown as it is and logged as a
     * warning, so that it gets one (an external system may add a refusal code before it is listed here).
     */
    public static String ofCode(Map<String, String> texts, String code) {
        String text = texts.get(code);
        if (text == null && code != null) {
            LOG.warn("No Danish text for the code {}: it is shown as it is", code);
            return code;
        }
        return text;
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
