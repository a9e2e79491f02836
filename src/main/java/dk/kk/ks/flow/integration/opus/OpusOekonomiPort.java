package dk.kk.ks.flow.integration.opus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Opus Økonomi (the general ledger): master data for checking a posting, and the two writes the finance
 * case types make, a journal (posteringsbilag) and an internal settlement of a service contract. Every
 * write carries an idempotency key: a repeated key changes nothing and returns the first answer. Opus
 * refuses a write it cannot book (a closed period, an unknown account) with an ExternalRejectionException
 * that carries its code.
 */
public interface OpusOekonomiPort {

    /** An account (konto) as Opus knows it, with the VAT codes (momskoder) that may be used on it. */
    record Account(String account, boolean active, List<String> vatCodes) {
    }

    record CostCenter(String costCenter, boolean active) {
    }

    /** A posting period (bogføringsperiode), one calendar month: {@code 2027-03}. */
    record Period(String period, boolean open) {
    }

    record JournalLine(String account, String costCenter, BigDecimal amount, String vatCode, String text) {
    }

    /** A journal (bilag); {@code reference} is the ServiceNow record number of the case. */
    record Journal(LocalDate postingDate, String description, String reference, List<JournalLine> lines) {
    }

    /**
     * An internal settlement (intern afregning) of a regulation of a service contract: the department pays
     * (or is refunded) {@code amount} = quantityChange x unitPricePerMonth x months.
     */
    record InternalSettlement(String contractNumber, String department, LocalDate effectiveFrom, int quantityChange,
                              BigDecimal unitPricePerMonth, int months, BigDecimal amount, String text, String reference) {
    }

    /** Opus's answer to a write: the document number (bilagsnummer) it booked. */
    record Document(String documentNumber) {
    }

    /** The account, or empty when Opus does not know it. */
    Optional<Account> account(String account);

    /** Whether the cost centre (omkostningssted) exists and is active. */
    boolean costCenterActive(String costCenter);

    /** Whether the period is open for posting; a period Opus does not know is closed. */
    boolean periodOpen(YearMonth period);

    Document postJournal(Journal journal, String idempotencyKey);

    Document postInternalSettlement(InternalSettlement settlement, String idempotencyKey);
}
