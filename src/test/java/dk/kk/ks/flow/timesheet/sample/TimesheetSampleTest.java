package dk.kk.ks.flow.timesheet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.sample.SampleRun;

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

    @Test
    void aSampleOf120GoesThroughWithOnlyThePlantedProblemsReviewed() throws Exception {
        TimesheetSample sample = new TimesheetSample(42, LocalDate.now(), 20, 0.10, "TSMP");
        int firstNumber = (int) (System.nanoTime() % 9_000_000);
        List<TimesheetSample.Timesheet> timesheets = sample.timesheets(120, Math.abs(firstNumber));

        SampleRun.Report report = new SampleRun("http://localhost:" + port).run(sample.sandboxData(), "timesheets",
                timesheets.stream().map(TimesheetSample.Timesheet::toSampleCase).toList(), TimesheetSampleCommand.REVIEW_STEP,
                view -> view.at("/result/automatic").asBoolean(false), Duration.ofSeconds(180));

        assertThat(report.failed()).isZero();
        assertThat(report.settled()).hasSize(120);
        assertThat(report.settled()).allSatisfy(settled ->
                assertThat(settled.automatic()).as(settled.sampleCase().serviceNowRef())
                        .isEqualTo(!settled.sampleCase().plantedForReview()));
        assertThat(report.automaticShare()).isGreaterThanOrEqualTo(0.70);
        assertThat(report.settled()).filteredOn(SampleRun.Settled::automatic).extracting(SampleRun.Settled::outcome).containsOnly("POSTED");
    }
}
