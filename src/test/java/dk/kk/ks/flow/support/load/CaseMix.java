package dk.kk.ks.flow.support.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dk.kk.ks.flow.resignation.sample.ResignationSample;
import dk.kk.ks.flow.timesheet.sample.TimesheetSample;

/**
 * A month's cases of all seven case types, in the proportions of the yearly volumes in docs/rules.md, every one
 * valid, with the sandbox data (employees, cards) they need. The same seed gives the same bodies; the
 * ServiceNow numbers start at {@code firstNumber}, so runs against one database do not collide.
 *
 * <p>Timesheets and resignations come from their samples (about 10 % of timesheets and 14 % of
 * resignations carry something a caseworker must see); the other types are mostly automatic, with a
 * share over their approval thresholds.
 */
public final class CaseMix {

    /** Cases a year per intake path (docs/rules.md; payouts over 10,000 kr have no volume of their own: benefits.yml assumes 5,000). */
    public static final Map<String, Integer> YEARLY_VOLUMES = yearlyVolumes();

    /** One case to start: POST /api/v1/{caseType} with the body. */
    public record PlannedCase(String caseType, String serviceNowRef, Map<String, Object> body) {
    }

    private final Random random;
    private final LocalDate today = LocalDate.now();
    private final String refPrefix;
    private final Map<String, Object> sandboxData = new LinkedHashMap<>();
    private final List<PlannedCase> cases = new ArrayList<>();
    private int nextNumber;

    /**
     * @param refPrefix   2-6 capital letters: the ServiceNow numbers are the prefix and seven digits
     * @param firstNumber the first number; the run uses {@code count} numbers from it
     */
    public CaseMix(long seed, String refPrefix, int firstNumber, int count) {
        if (firstNumber < 0 || firstNumber + count > 9_999_999) {
            throw new IllegalArgumentException("ServiceNow numbers have seven digits: " + firstNumber + " + " + count);
        }
        this.random = new Random(seed);
        this.refPrefix = refPrefix;
        this.nextNumber = firstNumber;
        Map<String, Integer> counts = split(count);
        addTimesheets(counts.get("timesheets"), seed);
        addResignations(counts.get("resignations"), seed);
        for (int i = 0; i < counts.get("service-contract-regulations"); i++) {
            addRegulation();
        }
        for (int i = 0; i < counts.get("postings"); i++) {
            addPosting();
        }
        for (int i = 0; i < counts.get("invoice-payouts"); i++) {
            addPayout();
        }
        for (int i = 0; i < counts.get("payment-cards"); i++) {
            addPaymentCard();
        }
        for (int i = 0; i < counts.get("dismissals"); i++) {
            addDismissal();
        }
        Collections.shuffle(cases, random);
    }

    /** A mix whose ServiceNow numbers start from the clock's seconds, for runs against a database that outlives them. */
    public static CaseMix fresh(long seed, String refPrefix, int count) {
        return new CaseMix(seed, refPrefix, (int) (System.currentTimeMillis() / 1000 % 8_000_000), count);
    }

    /** PUT path (under /sandbox) to body: what the simulators must know before the cases start; PUT as {@code demo}. */
    public Map<String, Object> sandboxData() {
        return Collections.unmodifiableMap(sandboxData);
    }

    /** The cases, shuffled as they would arrive. */
    public List<PlannedCase> cases() {
        return Collections.unmodifiableList(cases);
    }

    /** How many cases of each type a mix of {@code count} holds: the yearly proportions, rounded by largest remainder. */
    public static Map<String, Integer> split(int count) {
        int yearly = YEARLY_VOLUMES.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> remainders = new LinkedHashMap<>();
        int assigned = 0;
        for (Map.Entry<String, Integer> type : YEARLY_VOLUMES.entrySet()) {
            double exact = (double) count * type.getValue() / yearly;
            counts.put(type.getKey(), (int) Math.floor(exact));
            remainders.put(type.getKey(), exact - Math.floor(exact));
            assigned += (int) Math.floor(exact);
        }
        List<String> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort((a, b) -> Double.compare(remainders.get(b), remainders.get(a)));
        for (int i = 0; i < count - assigned; i++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return counts;
    }

    private void addTimesheets(int count, long seed) {
        TimesheetSample sample = new TimesheetSample(seed, today, Math.max(1, Math.min(200, count / 5)), 0.10, refPrefix);
        sandboxData.putAll(sample.sandboxData());
        for (TimesheetSample.Timesheet timesheet : sample.timesheets(count, nextNumber)) {
            cases.add(new PlannedCase("timesheets", timesheet.serviceNowRef(), timesheet.body()));
        }
        nextNumber += count;
    }

    private void addResignations(int count, long seed) {
        List<ResignationSample.Resignation> resignations = new ResignationSample(seed, today, refPrefix).resignations(count, nextNumber);
        sandboxData.putAll(ResignationSample.sandboxData(resignations));
        resignations.forEach(r -> cases.add(new PlannedCase("resignations", r.sampleCase().serviceNowRef(), r.sampleCase().body())));
        nextNumber += count;
    }

    /** Seeded contracts: SK-2027-0042 (BUF, 450 kr a unit a month) stays under the review limit; SK-2027-0100 (KFF, 2,500 kr) may not. */
    private void addRegulation() {
        boolean large = random.nextInt(10) == 0;
        int quantity = (1 + random.nextInt(5)) * (random.nextBoolean() ? 1 : -1);
        Map<String, Object> body = newBody();
        body.put("contractNumber", large ? "SK-2027-0100" : "SK-2027-0042");
        body.put("department", large ? "KFF" : "BUF");
        body.put("effectiveFrom", LocalDate.of(2027, 1 + random.nextInt(12), 1).toString());
        body.put("quantityChange", quantity);
        body.put("reason", quantity > 0 ? "Flere medarbejdere" : "Færre medarbejdere");
        add("service-contract-regulations", body);
    }

    /** Seeded master data: account 44120000 (VAT I25), cost centres 1010101010 and 1010202020; this month's period is open. */
    private void addPosting() {
        double amount = random.nextInt(20) == 0 ? 100_000 + random.nextInt(400_000) : 100 + random.nextInt(50_000);
        Map<String, Object> body = newBody();
        body.put("requestedBy", "anna");
        body.put("postingDate", today.withDayOfMonth(1).toString());
        body.put("description", "Omkontering af husleje");
        body.put("lines", List.of(postingLine("1010101010", amount), postingLine("1010202020", -amount)));
        add("postings", body);
    }

    private static Map<String, Object> postingLine(String costCenter, double amount) {
        return Map.of("account", "44120000", "costCenter", costCenter, "amount", amount, "vatCode", "I25", "text", "Husleje");
    }

    /** Seeded debtor 100234. About 30 % are over 10,000 kr and wait for a debitor approver (none over 250,000 kr). */
    private void addPayout() {
        double amount = random.nextInt(10) < 3 ? 10_001 + random.nextInt(200_000) : 100 + random.nextInt(9_900);
        Map<String, Object> body = newBody();
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Tilbagebetaling af for meget betalt");
        body.put("requestedBy", "anna");
        add("invoice-payouts", body);
    }

    /**
     * Two of three are orders for a new employee under manager E20001 (leder1 approves; over 50,000 kr a month
     * KS Økonomi too), one of three closes the open card of an employee.
     */
    private void addPaymentCard() {
        String employeeNumber = String.format("K%07d", nextNumber);
        Map<String, Object> body = newBody();
        body.put("employeeNumber", employeeNumber);
        body.put("requestedBy", "anna");
        if (random.nextInt(3) < 2) {
            sandboxData.put("/sandbox/opus/employees/" + employeeNumber, employee("Kort " + employeeNumber, "OVERENSKOMST"));
            body.put("action", "ORDER");
            body.put("monthlyLimit", random.nextInt(10) == 0 ? 60_000 : 5_000 + 1_000 * random.nextInt(30));
        } else {
            String cardId = String.format("CARD-L%07d", nextNumber);
            sandboxData.put("/sandbox/cardissuer/cards/" + cardId, Map.of("employeeNumber", employeeNumber, "monthlyLimit", 15_000));
            body.put("action", "CLOSE");
        }
        add("payment-cards", body);
    }

    /** A new employee each (the termination is registered in Opus); one in ten a civil servant (tjenestemand). */
    private void addDismissal() {
        String employeeNumber = String.format("D%07d", nextNumber);
        boolean civilServant = random.nextInt(10) == 0;
        sandboxData.put("/sandbox/opus/employees/" + employeeNumber,
                employee("Afskediget " + employeeNumber, civilServant ? "TJENESTEMAND" : "OVERENSKOMST"));
        Map<String, Object> body = newBody();
        body.put("employeeNumber", employeeNumber);
        body.put("reasonCategory", random.nextBoolean() ? "WORK_SHORTAGE" : "COOPERATION");
        body.put("reasonText", "Nedlæggelse af stilling som følge af besparelser");
        body.put("requestedBy", "leder1");
        add("dismissals", body);
    }

    private Map<String, Object> employee(String name, String employeeType) {
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("name", name);
        employee.put("cpr", String.format("%02d%02d%02d%04d", 1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(100),
                random.nextInt(10_000)));
        employee.put("userId", name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        employee.put("hireDate", today.minusYears(1 + random.nextInt(20)).withDayOfMonth(1).toString());
        employee.put("annualSalary", 320_000 + random.nextInt(200) * 1_000);
        employee.put("department", "BUF");
        employee.put("managerEmployeeNumber", "E20001");
        employee.put("holidayDaysTakenThisHolidayYear", 0);
        employee.put("employeeType", employeeType);
        employee.put("probation", false);
        employee.put("hasPaymentCard", false);
        return employee;
    }

    private Map<String, Object> newBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", refPrefix + String.format("%07d", nextNumber));
        return body;
    }

    private void add(String caseType, Map<String, Object> body) {
        cases.add(new PlannedCase(caseType, (String) body.get("serviceNowRef"), body));
        nextNumber++;
    }

    private static Map<String, Integer> yearlyVolumes() {
        Map<String, Integer> volumes = new LinkedHashMap<>();
        volumes.put("timesheets", 30_000);
        volumes.put("service-contract-regulations", 20_000);
        volumes.put("resignations", 9_000);
        volumes.put("postings", 8_500);
        volumes.put("invoice-payouts", 5_000);
        volumes.put("payment-cards", 3_000);
        volumes.put("dismissals", 2_000);
        return Collections.unmodifiableMap(volumes);
    }
}
