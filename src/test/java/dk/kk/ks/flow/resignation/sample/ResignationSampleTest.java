package dk.kk.ks.flow.resignation.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.sample.SampleRun;
import dk.kk.ks.flow.support.TestClock;

/** The resignation sample through the running application: deaths, civil servants and advance holiday, and only they, reach a caseworker. */
class ResignationSampleTest extends IntegrationTestCase {

    @LocalServerPort
    int port;

    @Test
    void aSampleOf100GoesThroughWithOnlyThePlantedCasesReviewed() throws Exception {
        List<ResignationSample.Resignation> resignations = new ResignationSample(42, TestClock.today(), "FRTS")
                .resignations(100, (int) Math.abs(System.nanoTime() % 9_000_000));

        SampleRun.Report report = ResignationSampleCommand.run(new SampleRun("http://localhost:" + port), resignations, Duration.ofSeconds(180));

        assertThat(report.failed()).isZero();
        // On failure, only the failing cases are named (not all 100).
        assertThat(report.settled().size()).as("cases settled").isEqualTo(100);
        assertThat(report.misrouted()).as("cases that went the wrong way").isEmpty();
        assertThat(report.automaticNotEndedAs("REGISTERED")).as("automatic cases not registered").isEmpty();
        assertThat(report.automaticShare()).isGreaterThan(0.6);
    }
}
