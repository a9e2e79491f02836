package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * A failing call to an external system, through a resignation whose first step reads the employee in Opus Løn:
 * Opus's own "no such employee" is a business answer (the case ends REJECTED), a 404 that is not Opus's answer (a wrong
 * base URL or route: here the sandbox's fault switch, which answers as the web server in front of the system does) is a
 * technical failure that becomes an incident; and each retried attempt logs one line, the incident the stack trace.
 */
class FailedExternalCallTest extends IntegrationTestCase {

    private static final String FAILED_JOB_LOGGER = "dk.kk.ks.flow.platform.FailedJobLogging";

    private final CapturedLog log = new CapturedLog();

    @BeforeEach
    void captureTheLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void opusIsBack() {
        root().detachAppender(log);
        clearFault("opus");
    }

    @Test
    void anEmployeeThatOpusSaysItDoesNotKnowEndsTheCaseRejected() {
        String caseId = startResignation(newServiceNowRef("EXU"));

        CaseView done = awaitCompleted(caseId);

        assertThat(done.outcome()).isEqualTo("REJECTED");
        assertThat(done.reasons()).containsExactly("UNKNOWN_EMPLOYEE");
    }

    @Test
    void aNotFoundThatIsNotOpusOwnAnswerIsAnIncidentNotARejectionAndTheCaseGoesOnOnceTheRouteIsRight() {
        String employeeNumber = knownEmployee("EXR", "0808801230");
        setFault("opus", 1000, 404);

        String caseId = startResignation(employeeNumber);

        CaseView incident = awaitCase(caseId, view -> view.status() == CaseView.Status.INCIDENT);
        assertThat(incident.outcome()).as("not a business outcome").isNull();
        List<Map<String, Object>> incidents = getList("demo", "/engine-rest/incident?processInstanceId=" + caseId);
        assertThat(incidents).singleElement().satisfies(i -> assertThat(String.valueOf(i.get("incidentMessage")))
                .startsWith("opus answered 404 to GET ").contains("/api/loen/employees/" + employeeNumber));

        clearFault("opus");
        assertThat(as("demo").exchange("/engine-rest/job/" + incidents.get(0).get("configuration") + "/retries", HttpMethod.PUT,
                jsonEntity(Map.of("retries", 1)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("REGISTERED");
    }

    @Test
    void eachRetriedAttemptLogsOneLineWithoutStackTraceAndTheIncidentLogsTheStackTrace() {
        String cpr = "0909801231";
        String employeeNumber = knownEmployee("EXL", cpr);
        setFault("opus", 1000, 503);

        String caseId = startResignation(employeeNumber);

        awaitCase(caseId, view -> view.status() == CaseView.Status.INCIDENT);
        await().atMost(Duration.ofSeconds(10)).until(() -> !failedJobLines(caseId, Level.ERROR).isEmpty());
        List<ILoggingEvent> retries = failedJobLines(caseId, Level.WARN);
        assertThat(retries).extracting(ILoggingEvent::getFormattedMessage).hasSize(4).allSatisfy(line -> assertThat(line)
                .startsWith("opus answered 503 to GET ").contains("/api/loen/employees/" + employeeNumber + ": attempt ")
                .contains(" of 5, retrying in 1 s (case " + caseId + ", Task_LookupLeaver)").doesNotContain("\n"));
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(retries.get(attempt - 1).getFormattedMessage()).contains(": attempt " + attempt + " of 5, ");
        }
        assertThat(retries).allSatisfy(line -> assertThat(line.getThrowableProxy()).as("no stack trace").isNull());

        assertThat(failedJobLines(caseId, Level.ERROR)).singleElement().satisfies(incident -> {
            assertThat(incident.getFormattedMessage()).startsWith("opus answered 503 to GET ")
                    .endsWith(": attempt 5 of 5, no retries left: incident (case " + caseId + ", Task_LookupLeaver)");
            assertThat(incident.getThrowableProxy()).as("the stack trace").isNotNull();
            assertThat(incident.getThrowableProxy().getClassName()).endsWith("ExternalSystemUnavailableException");
            assertThat(ThrowableProxyUtil.asString(incident.getThrowableProxy())).contains("at dk.kk.ks.flow.");
        });

        List<ILoggingEvent> aboutThisCall = log.events().stream().filter(e -> text(e).contains("/api/loen/employees/" + employeeNumber)).toList();
        assertThat(aboutThisCall).as("the engine logs the failure no more").allSatisfy(e -> assertThat(e.getLoggerName()).isEqualTo(FAILED_JOB_LOGGER));
        assertThat(log.events()).as("no CPR number in the log").noneSatisfy(e -> assertThat(text(e)).contains(cpr));
    }

    private List<ILoggingEvent> failedJobLines(String caseId, Level level) {
        return log.events().stream().filter(e -> FAILED_JOB_LOGGER.equals(e.getLoggerName()) && e.getLevel() == level)
                .filter(e -> e.getFormattedMessage().contains("(case " + caseId + ",")).toList();
    }

    /** An employee Opus knows, with a number no other test uses. */
    private String knownEmployee(String prefix, String cpr) {
        String employeeNumber = newServiceNowRef(prefix);
        putSandboxData("/sandbox/opus/employees/" + employeeNumber, sandboxEmployee("Rune Rute", cpr));
        return employeeNumber;
    }

    private String startResignation(String employeeNumber) {
        return createCase("resignations", Map.of("serviceNowRef", newServiceNowRef("RITM"), "employeeNumber", employeeNumber,
                "lastWorkingDay", "2027-05-31", "reason", "RETIREMENT", "reportedBy", "leder1")).getBody().caseId();
    }

    private static String text(ILoggingEvent event) {
        return event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Every log event while a test runs, from any thread (the job executor's too). */
    private static final class CapturedLog extends AppenderBase<ILoggingEvent> {

        private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }

        List<ILoggingEvent> events() {
            return List.copyOf(events);
        }
    }
}
