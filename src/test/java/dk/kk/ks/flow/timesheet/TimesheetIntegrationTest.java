package dk.kk.ks.flow.timesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

/** Timesheets through the intake API, the calculation endpoint and the holiday calendar, with the sandbox. */
class TimesheetIntegrationTest extends IntegrationTestCase {

    private final ObjectMapper json = new ObjectMapper();
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.HistoryService historyService;

    @Test
    void theContractExampleCalculatesToTheOre() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employeeNumber", "E10001");
        body.put("agreement", "KK-STANDARD");
        body.put("hourlyWage", 250.00);
        body.put("lines", List.of(
                Map.of("date", "2027-03-26", "start", "15:00", "end", "23:30", "kind", "NORMAL"),
                Map.of("date", "2027-03-27", "start", "22:00", "end", "06:00", "kind", "OVERTIME")));

        long casesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("timesheet").count();
        ResponseEntity<String> response = postJson("servicenow", "/api/v1/timesheets/calculation", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode calculation = json.readTree(response.getBody());
        assertThat(calculation.get("totalAmount").decimalValue()).isEqualByComparingTo("3388.38");
        assertThat(calculation.get("lines")).hasSize(5);
        assertThat(calculation.at("/lines/0/category").asText()).isEqualTo("EVENING");
        assertThat(calculation.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("526.80");
        assertThat(calculation.at("/lines/4/date").asText()).isEqualTo("2027-03-28");
        assertThat(calculation.at("/lines/4/category").asText()).isEqualTo("OVERTIME_100");
        assertThat(calculation.at("/totals/SUNDAY_HOLIDAY").decimalValue()).isEqualByComparingTo("8.50");
        assertThat(calculation.get("warnings").isArray()).isTrue();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("timesheet").count()).isEqualTo(casesBefore);
    }

    @Test
    void withoutAWageTheCalculationUsesTheAnnualSalaryInOpus() throws Exception {
        putSandboxData("/sandbox/opus/employees/E30250", employee(481000.00));
        Map<String, Object> body = Map.of("employeeNumber", "E30250", "agreement", "KK-STANDARD",
                "lines", List.of(Map.of("date", TestClock.today().minusDays(3).toString(), "start", "17:00", "end", "19:00", "kind", "NORMAL")));

        JsonNode calculation = json.readTree(postJson("servicenow", "/api/v1/timesheets/calculation", body).getBody());

        assertThat(calculation.get("hourlyWage").decimalValue()).isEqualByComparingTo("250.00");
    }

    @Test
    void aShiftEndingWhenItStartsIsNamedAsABadField() throws Exception {
        Map<String, Object> body = Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", "E10001",
                "agreement", "KK-NOPE", "lines", List.of(
                        Map.of("date", "2027-03-26", "start", "15:00", "end", "23:30", "kind", "NORMAL"),
                        Map.of("date", "2027-03-27", "start", "22:00", "end", "22:00", "kind", "NORMAL")));

        ResponseEntity<String> response = postJson("servicenow", "/api/v1/timesheets", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("agreement", "lines[1].end");
    }

    @Test
    void aTimesheetIsKeyedIntoOpusExactlyOnceThroughTwoOutages() {
        putSandboxData("/sandbox/opus/employees/E30251", employee(481000.00));
        String ref = newServiceNowRef("RITM");
        LocalDate sunday = lastSunday();
        Map<String, Object> body = Map.of("serviceNowRef", ref, "employeeNumber", "E30251", "agreement", "KK-STANDARD",
                "lines", List.of(Map.of("date", sunday.toString(), "start", "16:00", "end", "20:00", "kind", "NORMAL")));

        setFault("opus", 2, 503);
        CaseView created = createCase("timesheets", body).getBody();
        CaseView done = awaitCompleted(created.caseId());

        assertThat(done.outcome()).isEqualTo("POSTED");
        assertThat(done.result()).containsEntry("automatic", true);
        // Sunday 16-20: 4 h SUNDAY_HOLIDAY (500.00) and 3 h EVENING (263.40) at 250 kr/h.
        List<Map<String, Object>> posts = sandboxRequests("opus").stream()
                .filter(r -> "/api/loen/one-off-payments".equals(r.get("path")))
                .filter(r -> ref.equals(((Map<?, ?>) r.get("body")).get("reference")))
                .toList();
        assertThat(posts).hasSize(1);
        List<?> lines = (List<?>) ((Map<?, ?>) posts.get(0).get("body")).get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(line -> {
            Map<?, ?> l = (Map<?, ?>) line;
            assertThat(l.get("wageType")).isEqualTo("3104");
            assertThat(l.get("date")).isEqualTo(sunday.toString());
            assertThat(new java.math.BigDecimal(l.get("amount").toString())).isEqualByComparingTo("500.00");
        });
        assertThat(lines).anySatisfy(line -> {
            Map<?, ?> l = (Map<?, ?>) line;
            assertThat(l.get("wageType")).isEqualTo("3101");
            assertThat(new java.math.BigDecimal(l.get("amount").toString())).isEqualByComparingTo("263.40");
        });
    }

    @Test
    void aTimesheetWithAWarningWaitsForPayroll() {
        String ref = newServiceNowRef("RITM");
        Map<String, Object> body = Map.of("serviceNowRef", ref, "employeeNumber", "E10001", "agreement", "KK-STANDARD",
                "lines", List.of(Map.of("date", TestClock.today().minusDays(120).toString(), "start", "17:00", "end", "21:00", "kind", "NORMAL")));

        CaseView waiting = awaitStep(createCase("timesheets", body).getBody().caseId(), "Kontroller timeseddel");

        assertThat(waiting.reasons()).containsExactly("OLDER_THAN_90_DAYS");
        assertThat(waiting.result()).containsEntry("automatic", false);
    }

    @Test
    void theHolidayCalendarListsKobenhavnsHolidays() throws Exception {
        JsonNode holidays = json.readTree(as("servicenow").getForObject("/api/v1/calendar/holidays?year=2027", String.class));
        assertThat(holidays.findValuesAsText("date")).contains("2027-03-25", "2027-03-26", "2027-03-28", "2027-05-01", "2027-06-05");
        assertThat(holidays.findValuesAsText("name")).contains("Skærtorsdag").doesNotContain("Store bededag");
        JsonNode grundlovsdag = holidays.findParents("date").stream()
                .filter(h -> h.get("date").asText().equals("2027-06-05")).findFirst().orElseThrow();
        assertThat(grundlovsdag.get("from").asText()).isEqualTo("12:00");
        assertThat(as("servicenow").getForEntity("/api/v1/calendar/holidays?year=1800", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static LocalDate lastSunday() {
        LocalDate day = TestClock.today().minusDays(1);
        while (day.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static Map<String, Object> employee(double annualSalary) {
        Map<String, Object> employee = sandboxEmployee("Test Testesen", "0101700000");
        employee.put("annualSalary", annualSalary);
        return employee;
    }
}
