package dk.kk.ks.flow.resignation.sample;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dk.kk.ks.flow.support.sample.SampleRun;

/**
 * A reproducible sample of resignations shaped like KS's: mostly plain resignations, some retirements
 * and ends of fixed terms, a few deaths, about one in twenty civil servants, and some employees who
 * took more holiday than they had earned (ferie på forskud). Each resignation has its own employee.
 */
public final class ResignationSample {

    public record Resignation(SampleRun.SampleCase sampleCase, String employeeNumber, Map<String, Object> employee) {
    }

    private static final String[] DEPARTMENTS = {"BUF", "SUF", "KFF", "TMF", "BIF", "ØKF", "SOF"};

    private final Random random;
    private final LocalDate today;
    private final String refPrefix;

    public ResignationSample(long seed, LocalDate today, String refPrefix) {
        this.random = new Random(seed);
        this.today = today;
        this.refPrefix = refPrefix;
    }

    public List<Resignation> resignations(int count, int firstNumber) {
        List<Resignation> resignations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            resignations.add(resignation(firstNumber + i));
        }
        return resignations;
    }

    /** PUT path to body: the employees in the Opus simulator. */
    public static Map<String, Object> sandboxData(List<Resignation> resignations) {
        Map<String, Object> data = new LinkedHashMap<>();
        resignations.forEach(r -> data.put("/sandbox/opus/employees/" + r.employeeNumber(), r.employee()));
        return data;
    }

    private Resignation resignation(int number) {
        String employeeNumber = String.format("R%07d", number);
        LocalDate lastWorkingDay = today.plusMonths(1 + random.nextInt(3)).with(TemporalAdjusters.lastDayOfMonth());
        LocalDate hireDate = today.minusDays(200 + random.nextInt(30 * 365));
        boolean civilServant = random.nextInt(20) == 0;
        boolean advance = random.nextInt(100) < 8;
        int roll = random.nextInt(100);
        String reason = roll < 80 ? "RESIGNATION" : roll < 92 ? "RETIREMENT" : roll < 97 ? "FIXED_TERM_END" : "DEATH";

        double earnedAtLeast = 2.08 * wholeMonthsEmployedThisHolidayYear(hireDate, lastWorkingDay);
        double taken = advance ? earnedAtLeast + 3 + random.nextInt(5) : Math.max(0, Math.floor(earnedAtLeast - 1 - random.nextInt(5)));

        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("name", "Fratrædende " + number);
        employee.put("cpr", String.format("%02d%02d%02d%04d", 1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(100), random.nextInt(10_000)));
        employee.put("userId", "leaver" + number);
        employee.put("hireDate", hireDate.toString());
        employee.put("annualSalary", 300_000 + random.nextInt(300) * 1_000);
        employee.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        employee.put("managerEmployeeNumber", "E20001");
        employee.put("holidayDaysTakenThisHolidayYear", taken);
        employee.put("employeeType", civilServant ? "TJENESTEMAND" : "OVERENSKOMST");
        employee.put("probation", false);
        employee.put("hasPaymentCard", false);

        Map<String, Object> body = new LinkedHashMap<>();
        String ref = refPrefix + String.format("%07d", number);
        body.put("serviceNowRef", ref);
        body.put("employeeNumber", employeeNumber);
        body.put("lastWorkingDay", lastWorkingDay.toString());
        body.put("reason", reason);
        body.put("reportedBy", "leder1");
        boolean manual = civilServant || advance || "DEATH".equals(reason);
        return new Resignation(new SampleRun.SampleCase(ref, body, manual), employeeNumber, employee);
    }

    /** Whole months from max(1 September, hire date) to the last working day: a lower bound of what was earned. */
    private static long wholeMonthsEmployedThisHolidayYear(LocalDate hireDate, LocalDate lastWorkingDay) {
        LocalDate yearStart = LocalDate.of(lastWorkingDay.getMonthValue() >= Month.SEPTEMBER.getValue()
                ? lastWorkingDay.getYear() : lastWorkingDay.getYear() - 1, Month.SEPTEMBER, 1);
        LocalDate from = hireDate.isAfter(yearStart) ? hireDate : yearStart;
        return Math.max(0, ChronoUnit.MONTHS.between(from, lastWorkingDay.plusDays(1)) - 1);
    }
}
