package dk.kk.ks.flow.timesheet.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dk.kk.ks.flow.support.sample.SampleRun;

/**
 * A reproducible sample of timesheets shaped like municipal shift work: day, evening and night shifts,
 * weekends, some overtime, the holidays that fall in the period, and about one in ten with a problem
 * that must go to a caseworker (an overlap, a 14-hour line, a date four months back).
 */
public final class TimesheetSample {

    /** The problem planted in a timesheet, or NONE. */
    public enum Problem { NONE, OVERLAP, LINE_OVER_13_HOURS, FOUR_MONTHS_OLD }

    public record Employee(String employeeNumber, Map<String, Object> sandboxData) {
    }

    public record Timesheet(String serviceNowRef, Map<String, Object> body, Problem problem) {

        public SampleRun.SampleCase toSampleCase() {
            return new SampleRun.SampleCase(serviceNowRef, body, problem != Problem.NONE);
        }
    }

    /** PUT path to body: the sample's employees in the Opus simulator. */
    public Map<String, Object> sandboxData() {
        Map<String, Object> data = new LinkedHashMap<>();
        employees.forEach(employee -> data.put("/sandbox/opus/employees/" + employee.employeeNumber(), employee.sandboxData()));
        return data;
    }

    private static final String[][] SHIFTS = {
            {"07:00", "15:00"}, {"07:00", "15:00"}, {"08:00", "16:00"},
            {"15:00", "23:00"}, {"15:00", "23:00"}, {"16:00", "22:00"},
            {"23:00", "07:00"}, {"22:00", "06:00"}};
    private static final String[] DEPARTMENTS = {"BUF", "SUF", "KFF", "TMF", "BIF", "ØKF", "SOF"};

    private final Random random;
    private final LocalDate today;
    private final double problemShare;
    private final String refPrefix;
    private final List<Employee> employees = new ArrayList<>();

    /**
     * @param refPrefix a 2-6 letter prefix of the generated ServiceNow numbers (RITM); the run's own
     *                  digits follow, so two runs against one database do not collide
     */
    public TimesheetSample(long seed, LocalDate today, int employeeCount, double problemShare, String refPrefix) {
        this.random = new Random(seed);
        this.today = today;
        this.problemShare = problemShare;
        this.refPrefix = refPrefix;
        for (int i = 0; i < employeeCount; i++) {
            employees.add(employee(i));
        }
    }

    public List<Employee> employees() {
        return employees;
    }

    public List<Timesheet> timesheets(int count, int firstNumber) {
        List<Timesheet> timesheets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            timesheets.add(timesheet(firstNumber + i));
        }
        return timesheets;
    }

    private Employee employee(int index) {
        String number = String.format("S%05d", index + 1);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "Prøve Medarbejder " + (index + 1));
        data.put("cpr", String.format("0101%02d%04d", 60 + random.nextInt(40), random.nextInt(10_000)));
        data.put("userId", "sample" + (index + 1));
        data.put("hireDate", today.minusYears(1 + random.nextInt(25)).withDayOfMonth(1).toString());
        data.put("annualSalary", 320_000 + random.nextInt(200) * 1_000);
        data.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        data.put("managerEmployeeNumber", "E20001");
        data.put("holidayDaysTakenThisHolidayYear", 0);
        data.put("employeeType", "OVERENSKOMST");
        data.put("probation", false);
        data.put("hasPaymentCard", false);
        return new Employee(number, data);
    }

    private Timesheet timesheet(int number) {
        Employee employee = employees.get(random.nextInt(employees.size()));
        LocalDate periodStart = today.minusDays(15 + random.nextInt(45));
        List<Map<String, Object>> lines = new ArrayList<>();
        int shifts = 3 + random.nextInt(8);
        LocalDate day = periodStart;
        for (int i = 0; i < shifts; i++) {
            day = day.plusDays(1 + random.nextInt(2));
            if (day.isAfter(today.minusDays(1))) {
                break;
            }
            String[] shift = SHIFTS[random.nextInt(SHIFTS.length)];
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && random.nextInt(3) == 0) {
                shift = SHIFTS[3 + random.nextInt(5)];
            }
            lines.add(line(day, shift[0], shift[1], "NORMAL"));
            if (random.nextInt(8) == 0 && !shift[1].equals("07:00") && !shift[1].equals("06:00")) {
                lines.add(line(day, shift[1], plusHours(shift[1], 2), "OVERTIME"));
            }
        }
        if (lines.isEmpty()) {
            lines.add(line(today.minusDays(2), "07:00", "15:00", "NORMAL"));
        }
        Problem problem = random.nextDouble() < problemShare ? Problem.values()[1 + random.nextInt(3)] : Problem.NONE;
        plant(problem, lines);

        Map<String, Object> body = new LinkedHashMap<>();
        String ref = refPrefix + String.format("%07d", number);
        body.put("serviceNowRef", ref);
        body.put("employeeNumber", employee.employeeNumber());
        body.put("agreement", "KK-STANDARD");
        body.put("lines", lines);
        return new Timesheet(ref, body, problem);
    }

    private void plant(Problem problem, List<Map<String, Object>> lines) {
        switch (problem) {
            case OVERLAP -> {
                // Two hours of overtime from an hour into the first shift: on the next date when that is past midnight
                // (a shift from 23:00), so that the lines overlap whatever shift it is.
                Map<String, Object> first = lines.get(0);
                LocalDateTime from = LocalDate.parse((String) first.get("date")).atTime(LocalTime.parse((String) first.get("start")))
                        .plusHours(1);
                lines.add(line(from.toLocalDate(), from.toLocalTime().toString(), from.toLocalTime().plusHours(2).toString(), "OVERTIME"));
            }
            case LINE_OVER_13_HOURS -> lines.set(0, line(LocalDate.parse((String) lines.get(0).get("date")), "07:00", "21:00", "NORMAL"));
            case FOUR_MONTHS_OLD -> lines.add(line(today.minusMonths(4), "15:00", "23:00", "NORMAL"));
            case NONE -> { }
        }
    }

    private static Map<String, Object> line(LocalDate date, String start, String end, String kind) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("date", date.toString());
        line.put("start", start);
        line.put("end", end);
        line.put("kind", kind);
        return line;
    }

    private static String plusHours(String time, int hours) {
        return LocalTime.parse(time).plusHours(hours).toString();
    }
}
