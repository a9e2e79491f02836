package dk.kk.ks.flow.cases;

import static java.util.Map.entry;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Danish text of each outcome and reason code a case can end with, for the work note on the
 * ServiceNow record: the one place these texts are written. The codes themselves stay the REST API's
 * contract ({@code outcome} and {@code reasons} of the CaseView). Reason codes come from the case types,
 * their decision tables (which process owners change) and the external systems' refusals; a code
 * without a text here is written as it is, and logged as a warning so that it gets one.
 */
final class WorkNoteTexts {

    private static final Logger LOG = LoggerFactory.getLogger(WorkNoteTexts.class);

    /** "Udfald: ..." for every outcome of the seven case types. */
    static final Map<String, String> OUTCOMES = Map.ofEntries(
            entry("PAID", "Udbetalt"),
            entry("POSTED", "Bogført"),
            entry("REGISTERED", "Registreret i Opus Løn"),
            entry("ORDERED", "Kortet er bestilt"),
            entry("CLOSED", "Kortet er spærret"),
            entry("DISMISSED", "Medarbejderen er afskediget"),
            entry("WITHDRAWN", "Afskedigelsen er tilbagekaldt"),
            entry("REJECTED", "Afvist"),
            entry("EXPIRED", "Udløbet uden godkendelse"));

    /** "Begrundelse: ..." for every reason a case records: why it was rejected, or why a person reviewed it. */
    static final Map<String, String> REASONS = Map.ofEntries(
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
            // Resignations: why a person handled the resignation (the triage decision table)
            entry("DEATH", "Fratrædelsen skyldes dødsfald"),
            entry("CIVIL_SERVANT", "Medarbejderen er tjenestemand"),
            entry("ADVANCE_HOLIDAY", "Medarbejderen har holdt ferie på forskud, som skal modregnes"),
            entry("PAYMENT_CARD_NOT_CLOSED", "Medarbejderens betalingskort kunne ikke spærres automatisk"),
            entry("ROUTINE", "Almindelig fratrædelse"),
            // An external system's refusal without a code of its own
            entry("NOT_FOUND", "Det eksterne system kender ikke det, sagen henviser til"),
            entry("CONFLICT", "Det eksterne system afviser ændringen, fordi den strider mod dets data"),
            entry("REJECTED", "Det eksterne system afviser anmodningen"));

    private WorkNoteTexts() {
    }

    static String outcome(String code) {
        return text(OUTCOMES, "outcome", code);
    }

    static String reason(String code) {
        return text(REASONS, "reason", code);
    }

    private static String text(Map<String, String> texts, String kind, String code) {
        String text = texts.get(code);
        if (text == null) {
            LOG.warn("No Danish text for the {} code {}: the work note shows the code", kind, code);
            return code;
        }
        return text;
    }
}
