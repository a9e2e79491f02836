package dk.kk.ks.flow.sandbox.opus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.integration.opus.OpusOekonomiPort;

/**
 * The sandbox's Opus Økonomi: master data (accounts with their VAT codes, cost centres, posting periods) and
 * the booking of journals and internal settlements, each answered with a document number. Like the real
 * ledger it refuses to book what it cannot (422 with a code: UNBALANCED, UNKNOWN_ACCOUNT, ...).
 *
 * <p>Seeded at start (and changed with {@code PUT /sandbox/opus/accounts|cost-centers|periods/...}):
 * accounts 44120000 (I25), 44130000 (I25, I0), 45210000 (I0) active and 49990000 inactive; cost centres
 * 1010101010, 1010202020 and 1010303030 active and 1010999999 inactive; the periods of the previous, the
 * current and the next month and every month of 2027 open. Anything else is unknown (a period: closed).
 */
@RestController
@RequestMapping("/sandbox/opus")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class OpusOekonomiSimulator {

    record AccountData(boolean active, List<String> vatCodes) {
    }

    record CostCenterData(boolean active) {
    }

    record PeriodData(boolean open) {
    }

    private final Map<String, AccountData> accounts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> costCenters = new ConcurrentHashMap<>();
    private final Map<YearMonth, Boolean> periods = new ConcurrentHashMap<>();
    private final AtomicLong documents = new AtomicLong(4_900_000_000L);

    OpusOekonomiSimulator(Clock clock) {
        accounts.put("44120000", new AccountData(true, List.of("I25")));
        accounts.put("44130000", new AccountData(true, List.of("I25", "I0")));
        accounts.put("45210000", new AccountData(true, List.of("I0")));
        accounts.put("49990000", new AccountData(false, List.of("I25")));
        costCenters.put("1010101010", true);
        costCenters.put("1010202020", true);
        costCenters.put("1010303030", true);
        costCenters.put("1010999999", false);
        YearMonth now = YearMonth.now(clock);
        for (YearMonth month : List.of(now.minusMonths(1), now, now.plusMonths(1))) {
            periods.put(month, true);
        }
        for (int month = 1; month <= 12; month++) {
            periods.put(YearMonth.of(2027, month), true);
        }
    }

    // --- sandbox data (not part of the simulated interface, not logged) ---

    @PutMapping("/accounts/{account}")
    AccountData putAccount(@PathVariable String account, @RequestBody AccountData data) {
        AccountData stored = new AccountData(data.active(), data.vatCodes() == null ? List.of() : List.copyOf(data.vatCodes()));
        accounts.put(account, stored);
        return stored;
    }

    @PutMapping("/cost-centers/{costCenter}")
    CostCenterData putCostCenter(@PathVariable String costCenter, @RequestBody CostCenterData data) {
        costCenters.put(costCenter, data.active());
        return data;
    }

    @PutMapping("/periods/{period}")
    ResponseEntity<Object> putPeriod(@PathVariable String period, @RequestBody PeriodData data) {
        YearMonth month = parsePeriod(period);
        if (month == null) {
            return OpusDebitorSimulator.error(HttpStatus.BAD_REQUEST, "INVALID_PERIOD", "A period is written yyyy-MM");
        }
        periods.put(month, data.open());
        return ResponseEntity.ok(data);
    }

    // --- the simulated interface: /sandbox/opus/api/oekonomi/... ---

    @GetMapping("/api/oekonomi/accounts/{account}")
    ResponseEntity<Object> account(@PathVariable String account) {
        AccountData data = accounts.get(account);
        return data == null
                ? OpusDebitorSimulator.error(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", "Konto " + account + " findes ikke")
                : ResponseEntity.ok(new OpusOekonomiPort.Account(account, data.active(), data.vatCodes()));
    }

    @GetMapping("/api/oekonomi/cost-centers/{costCenter}")
    ResponseEntity<Object> costCenter(@PathVariable String costCenter) {
        Boolean active = costCenters.get(costCenter);
        return active == null
                ? OpusDebitorSimulator.error(HttpStatus.NOT_FOUND, "COST_CENTER_NOT_FOUND", "Omkostningssted " + costCenter + " findes ikke")
                : ResponseEntity.ok(new OpusOekonomiPort.CostCenter(costCenter, active));
    }

    @GetMapping("/api/oekonomi/periods/{period}")
    ResponseEntity<Object> period(@PathVariable String period) {
        YearMonth month = parsePeriod(period);
        if (month == null) {
            return OpusDebitorSimulator.error(HttpStatus.BAD_REQUEST, "INVALID_PERIOD", "A period is written yyyy-MM");
        }
        return ResponseEntity.ok(new OpusOekonomiPort.Period(month.toString(), periods.getOrDefault(month, false)));
    }

    @PostMapping("/api/oekonomi/journals")
    ResponseEntity<Object> postJournal(@RequestBody OpusOekonomiPort.Journal journal) {
        if (journal.postingDate() == null || journal.lines() == null || journal.lines().size() < 2
                || journal.lines().stream().anyMatch(line -> line.amount() == null || line.account() == null)) {
            return OpusDebitorSimulator.error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "postingDate and at least two lines with account and amount are required");
        }
        String refusal = refusal(journal);
        if (refusal != null) {
            return OpusDebitorSimulator.error(HttpStatus.UNPROCESSABLE_ENTITY, refusal, "Opus Økonomi kan ikke bogføre bilaget: " + refusal);
        }
        return booked();
    }

    @PostMapping("/api/oekonomi/internal-settlements")
    ResponseEntity<Object> postInternalSettlement(@RequestBody OpusOekonomiPort.InternalSettlement settlement) {
        if (settlement.contractNumber() == null || settlement.department() == null || settlement.effectiveFrom() == null
                || settlement.amount() == null || settlement.amount().signum() == 0) {
            return OpusDebitorSimulator.error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "contractNumber, department, effectiveFrom and a non-zero amount are required");
        }
        if (!periods.getOrDefault(YearMonth.from(settlement.effectiveFrom()), false)) {
            return OpusDebitorSimulator.error(HttpStatus.UNPROCESSABLE_ENTITY, "PERIOD_CLOSED", "Perioden er lukket");
        }
        return booked();
    }

    /** The first reason the ledger cannot book the journal, or null. */
    private String refusal(OpusOekonomiPort.Journal journal) {
        BigDecimal sum = journal.lines().stream().map(OpusOekonomiPort.JournalLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() != 0) {
            return "UNBALANCED";
        }
        for (OpusOekonomiPort.JournalLine line : journal.lines()) {
            AccountData account = accounts.get(line.account());
            if (account == null || !account.active()) {
                return "UNKNOWN_ACCOUNT";
            }
            if (!costCenters.getOrDefault(String.valueOf(line.costCenter()), false)) {
                return "INACTIVE_COST_CENTER";
            }
            if (!account.vatCodes().contains(line.vatCode())) {
                return "INVALID_VAT_CODE";
            }
        }
        if (!periods.getOrDefault(YearMonth.from(journal.postingDate()), false)) {
            return "PERIOD_CLOSED";
        }
        return null;
    }

    private ResponseEntity<Object> booked() {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new OpusOekonomiPort.Document(String.valueOf(documents.incrementAndGet())));
    }

    private static YearMonth parsePeriod(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
