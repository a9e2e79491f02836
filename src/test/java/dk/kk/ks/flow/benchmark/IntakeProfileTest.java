package dk.kk.ks.flow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The benchmark's split of the HTTP threads' CPU puts each request where the README says it goes. */
class IntakeProfileTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/timesheets, INTAKE",
            "POST, /api/v1/service-contract-regulations, INTAKE",
            "GET, /api/v1/cases/4711, API",
            "POST, /api/v1/cases/4711/hearing-reply, API",
            "POST, /api/v1/timesheets/calculation, API",
            "POST, /engine-rest/task/4711/complete, ENGINE_REST",
            "GET, /engine-rest/history/process-instance/count, ENGINE_REST",
            "POST, /sandbox/opus/debitor/payouts, SANDBOX",
            "GET, /sandbox/servicenow/tables/sc_req_item, SANDBOX",
            "GET, /actuator/metrics/jvm.memory.used, OTHER",
            "GET, /camunda/app/tasklist/default/, OTHER"})
    void aRequestIsOfTheKindItsPathSays(String method, String path, IntakeProfile.Kind kind) {
        assertThat(IntakeProfile.Kind.of(new MockHttpServletRequest(method, path))).isEqualTo(kind);
    }
}
