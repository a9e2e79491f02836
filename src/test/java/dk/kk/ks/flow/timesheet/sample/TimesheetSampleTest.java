package dk.kk.ks.flow.timesheet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;
import dk.kk.ks.flow.support.sample.SampleRun;
import dk.kk.ks.flow.timesheet.Employment;
import dk.kk.ks.flow.timesheet.Kind;
import dk.kk.ks.flow.timesheet.TimesheetLine;
import dk.kk.ks.flow.timesheet.TimesheetWarning;
import dk.kk.ks.flow.timesheet.TimesheetWarnings;

/** The timesheet sample through the running application: the planted problems, and only they, go to review. */
class TimesheetSampleTest extends IntegrationTestCase {

    @LocalServerPort
    int port;

    @Test
    void theSampleIsReproducibleAndAboutOneInTenHasAProblem() {
        List<TimesheetSample.Timesheet> first = new TimesheetSample(7, LocalDate.of(2027, 4, 1), 30, 0.10, "SMPL").timesheets(1000, 1);
        List<TimesheetSample.Timesheet> again = new TimesheetSample(7, LocalDate.of(2027, 4, 1), 30, 0.10, "SMPL").timesheets(1000, 1);

        assertThat(first).isEqualTo(again);
        long problems = first.stream().filter(t -> t.problem() != TimesheetSample.Problem.NONE).count();
        assertThat(problems).isBetween(70L, 130L);
        assertThat(first).extracting(TimesheetSample.Timesheet::problem).contains(TimesheetSample.Problem.values());
    }

    /** Pure: whatever day it is and whatever shift a problem is planted on, the warnings find exactly the planted problems. */
    @Test
    void everyPlantedProblemIsWarnedAndNoOtherTimesheetIs() {
        TimesheetWarnings warnings = new TimesheetWarnings(Duration.ofHours(13), 90);
        for (LocalDate today = TestClock.today(); today.isBefore(TestClock.today().plusDays(7)); today = today.plusDays(1)) {
            TimesheetSample sample = new TimesheetSample(today.toEpochDay(), today, 30, 0.30, "SMPL");
            Map<String, Employment> employments = sample.employees().stream().collect(Collectors.toMap(TimesheetSample.Employee::employeeNumber,
                    e -> new Employment(LocalDate.parse((String) e.sandboxData().get("hireDate")), null)));
            for (TimesheetSample.Timesheet timesheet : sample.timesheets(500, 1)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lines = (List<Map<String, Object>>) timesheet.body().get("lines");
                List<TimesheetWarning> found = warnings.evaluate(lines.stream().map(l -> new TimesheetLine(LocalDate.parse((String) l.get("date")),
                                LocalTime.parse((String) l.get("start")), LocalTime.parse((String) l.get("end")), Kind.valueOf((String) l.get("kind"))))
                        .toList(), today, employments.get((String) timesheet.body().get("employeeNumber")));
                String what = timesheet.problem() + " on " + today + ": " + lines;
                switch (timesheet.problem()) {
                    case NONE -> assertThat(found).as(what).isEmpty();
                    case OVERLAP -> assertThat(found).as(what).contains(TimesheetWarning.OVERLAPPING_LINES);
                    case LINE_OVER_13_HOURS -> assertThat(found).as(what).contains(TimesheetWarning.LINE_OVER_13_HOURS);
                    case FOUR_MONTHS_OLD -> assertThat(found).as(what).contains(TimesheetWarning.OLDER_THAN_90_DAYS);
                }
            }
        }
    }

    @Test
    void aSampleOf120GoesThroughWithOnlyThePlantedProblemsReviewed() throws Exception {
        TimesheetSample sample = new TimesheetSample(42, TestClock.today(), 20, 0.10, "TSMP");
        int firstNumber = (int) (System.nanoTime() % 9_000_000);
        List<TimesheetSample.Timesheet> timesheets = sample.timesheets(120, Math.abs(firstNumber));

        SampleRun.Report report = new SampleRun("http://localhost:" + port).run(sample.sandboxData(), "timesheets",
                timesheets.stream().map(TimesheetSample.Timesheet::toSampleCase).toList(), TimesheetSampleCommand.REVIEW_STEP,
                view -> view.at("/result/automatic").asBoolean(false), Duration.ofSeconds(180));

        assertThat(report.failed()).isZero();
        // On failure, only the failing cases are named (not all 120).
        assertThat(report.settled().size()).as("cases settled").isEqualTo(120);
        assertThat(report.misrouted()).as("cases that went the wrong way").isEmpty();
        assertThat(report.automaticShare()).isGreaterThanOrEqualTo(0.70);
        assertThat(report.automaticNotEndedAs("POSTED")).as("automatic cases not posted").isEmpty();
    }
}
