package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

/**
 * An outage of each external system, at a step that changes that system, driven through a case type whose
 * flow calls it. A short outage in which the system applies two writes but their answers are lost is ridden
 * out by the engine's retries; a long outage in front of the system uses them up and becomes an incident
 * (CaseView INCIDENT, visible in Cockpit through the engine's REST API) that an operator retries once the
 * system is back. Either way the case completes and the system applied each change exactly once (the
 * simulator's request log, counting only writes it did not answer from an earlier idempotency key).
 */
class ExternalSystemOutageTest extends IntegrationTestCase {

    static Stream<String> systems() {
        return Stream.of("servicenow", "opus", "edoc", "digitalpost", "cardissuer");
    }

    @AfterEach
    void systemsAreBack() {
        systems().forEach(this::clearFault);
    }

    @ParameterizedTest
    @MethodSource("systems")
    void aShortOutageThatLosesTheAnswersOfAppliedWritesIsRiddenOutByRetriesAndEachChangeIsAppliedOnce(String system) {
        Route route = route(system);
        Case c = route.start();
        loseAnswers(system, 2);
        route.callTheSystem(c);

        route.finish(c);
        assertThat(awaitCompleted(c.caseId()).outcome()).isEqualTo(route.outcome());
        assertThat(faultsLeft(system)).as("two writes were applied and their answers lost").isZero();
        assertThat(route.writes(c)).as("the retries carried the same idempotency keys").hasSize(route.expectedWrites());
        assertThat(as("demo").getForObject("/actuator/prometheus", String.class).lines())
                .as("the failed calls to %s are timed with their status", system)
                .anyMatch(line -> line.startsWith("ksflow_external_requests_seconds_count{")
                        && line.contains("http_status_code=\"503\"") && line.contains("system=\"" + system + "\""));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void aLongOutageBecomesAnIncidentThatAnOperatorRetriesOnceTheSystemIsBack(String system) {
        Route route = route(system);
        Case c = route.start();
        setFault(system, 1000, 503);
        route.callTheSystem(c);

        awaitCase(c.caseId(), view -> view.status() == CaseView.Status.INCIDENT);
        // Steps that run in parallel (the hearing letter and the union's notice) fail each on their own, and
        // not necessarily at the same moment: wait until no step of the case has a retry left.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> (Integer) as("demo")
                .getForObject("/engine-rest/job/count?messages=true&withRetriesLeft=true&processInstanceId=" + c.caseId(), Map.class)
                .get("count") == 0);
        List<Map<String, Object>> incidents = getList("demo", "/engine-rest/incident?processInstanceId=" + c.caseId());
        assertThat(incidents).isNotEmpty().allSatisfy(i -> {
            assertThat(i.get("incidentType")).isEqualTo("failedJob");
            assertThat(String.valueOf(i.get("incidentMessage"))).startsWith(system + " answered 503");
        });
        assertThat(openIncidents()).isGreaterThanOrEqualTo(incidents.size());
        assertThat(route.writes(c)).as("nothing reached %s during the outage", system).isEmpty();

        clearFault(system);
        for (Map<String, Object> incident : incidents) {
            ResponseEntity<String> retried = as("demo").exchange("/engine-rest/job/" + incident.get("configuration") + "/retries",
                    HttpMethod.PUT, jsonEntity(Map.of("retries", 1)), String.class);
            assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        route.finish(c);
        assertThat(awaitCompleted(c.caseId()).outcome()).isEqualTo(route.outcome());
        assertThat(route.writes(c)).hasSize(route.expectedWrites());
        assertThat(getList("demo", "/engine-rest/incident?processInstanceId=" + c.caseId())).isEmpty();
    }

    /** A case: its ServiceNow record number and its id (the process instance). */
    /** Starts a case with the body made for a new ServiceNow number and waits until it stands at the step. */
    private Case startAndAwait(String caseType, String step, java.util.function.Function<String, Map<String, Object>> body) {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase(caseType, body.apply(ref)).getBody().caseId();
        awaitStep(caseId, step);
        return new Case(ref, caseId);
    }

    private record Case(String ref, String caseId) {
    }

    /**
     * How a case type reaches the step that changes the system: {@link #start} brings the case to the human
     * step just before it, {@link #callTheSystem} completes that step, {@link #finish} does what else the case
     * needs to end, and {@link #writes} are the changes the system applied for the case.
     */
    private abstract static class Route {
        private final int expectedWrites;
        private final String outcome;

        Route(int expectedWrites, String outcome) {
            this.expectedWrites = expectedWrites;
            this.outcome = outcome;
        }

        abstract Case start();

        abstract void callTheSystem(Case c);

        void finish(Case c) {
        }

        abstract List<Map<String, Object>> writes(Case c);

        final int expectedWrites() {
            return expectedWrites;
        }

        final String outcome() {
            return outcome;
        }
    }

    private Route route(String system) {
        return switch (system) {
            case "servicenow" -> new ReviewedPostingWriteBack();
            case "opus" -> new ApprovedPayoutRelease();
            case "edoc" -> new DismissalJournal();
            case "digitalpost" -> new DismissalLetters();
            case "cardissuer" -> new ApprovedCardOrder();
            default -> throw new IllegalArgumentException(system);
        };
    }

    /** ServiceNow: the write-back of a posting that bogholderi reviewed (the case's only call to ServiceNow). */
    private final class ReviewedPostingWriteBack extends Route {
        ReviewedPostingWriteBack() {
            super(1, "POSTED");
        }

        @Override
        Case start() {
            return startAndAwait("postings", "Gennemgå postering", ref -> Map.of("serviceNowRef", ref, "requestedBy", "anna", "postingDate", "2027-03-15",
                    "description", "Omkontering ved nedbrud",
                    "lines", List.of(postingLine("1010101010", 150000.00), postingLine("1010202020", -150000.00))));
        }

        @Override
        void callTheSystem(Case c) {
            completeFirstTask("bo", c.caseId(), Map.of("approved", true));
        }

        @Override
        List<Map<String, Object>> writes(Case c) {
            return applied("servicenow", r -> "PATCH".equals(r.get("method")) && String.valueOf(r.get("body")).contains(c.caseId()));
        }



        private static Map<String, Object> postingLine(String costCenter, double amount) {
            return Map.of("account", "44120000", "costCenter", costCenter, "amount", amount, "vatCode", "I25", "text", "Husleje");
        }
    }

    /** Opus: the release of a payout that bo approved. */
    private final class ApprovedPayoutRelease extends Route {
        ApprovedPayoutRelease() {
            super(1, "PAID");
        }

        @Override
        Case start() {
            return startAndAwait("invoice-payouts", "Godkend udbetaling", ref -> Map.of("serviceNowRef", ref, "debtorNumber", "100234", "payee", "Jens Hansen",
                    "amount", 12500.00, "reason", "Nedbrudstest", "requestedBy", "anna"));
        }

        @Override
        void callTheSystem(Case c) {
            completeFirstTask("bo", c.caseId(), Map.of("approved", true));
        }

        @Override
        List<Map<String, Object>> writes(Case c) {
            String payoutId = applied("opus", r -> "/api/debitor/payouts".equals(r.get("path"))
                    && c.ref().equals(((Map<?, ?>) r.get("body")).get("caseReference"))).stream()
                    .map(r -> (String) ((Map<?, ?>) r.get("response")).get("payoutId")).findFirst().orElseThrow();
            return applied("opus", r -> ("/api/debitor/payouts/" + payoutId + "/release").equals(r.get("path")));
        }


    }

    /**
     * A dismissal after the caseworker's check: the personnel case in eDoc, the hearing letter journalised and
     * sent with Digital Post, the union notified, then (after the reply and the decision) the dismissal letter.
     */
    private abstract class Dismissal extends Route {
        Dismissal(int expectedWrites) {
            super(expectedWrites, "DISMISSED");
        }

        @Override
        Case start() {
            String employeeNumber = "E6" + newServiceNowRef("").substring(2);
            putSandboxData("/sandbox/opus/employees/" + employeeNumber, sandboxEmployee("Ole Nedbrud", "0505801237"));
            return startAndAwait("dismissals", "Kontroller afskedigelse", ref -> Map.of("serviceNowRef", ref, "employeeNumber", employeeNumber,
                    "reasonCategory", "WORK_SHORTAGE", "reasonText", "Nedlæggelse af stilling", "requestedBy", "leder1"));
        }

        @Override
        void callTheSystem(Case c) {
            completeFirstTask("bo", c.caseId(), Map.of("hearingDeadline", TestClock.today().plusDays(14).toString()));
        }

        @Override
        void finish(Case c) {
            awaitStep(c.caseId(), "Svar eller frist?");
            assertThat(postJson("servicenow", "/api/v1/cases/" + c.caseId() + "/hearing-reply",
                    Map.of("receivedAt", "2027-04-10T09:00:00+02:00", "summary", "Ingen bemærkninger")).getStatusCode()).isEqualTo(HttpStatus.OK);
            awaitStep(c.caseId(), "Træf afgørelse");
            completeFirstTask("bo", c.caseId(), Map.of("decision", "DISMISS", "justification", "Stillingen nedlægges"));
        }


        String edocCaseNumber(Case c) {
            return (String) caseView(c.caseId()).result().get("edocCaseNumber");
        }
    }

    /** eDoc: the personnel case and the two letters journalised on it. */
    private final class DismissalJournal extends Dismissal {
        DismissalJournal() {
            super(3);
        }

        @Override
        List<Map<String, Object>> writes(Case c) {
            String caseNumber = edocCaseNumber(c);
            return caseNumber == null ? List.of() : applied("edoc", r -> "POST".equals(r.get("method"))
                    && (("/api/cases/" + caseNumber + "/documents").equals(r.get("path"))
                    || "/api/cases".equals(r.get("path")) && caseNumber.equals(((Map<?, ?>) r.get("response")).get("caseNumber"))));
        }

    }

    /** Digital Post: the hearing letter, the union's notice and the dismissal letter. */
    private final class DismissalLetters extends Dismissal {
        DismissalLetters() {
            super(3);
        }

        @Override
        List<Map<String, Object>> writes(Case c) {
            String caseNumber = edocCaseNumber(c);
            return applied("digitalpost", r -> String.valueOf(r.get("body")).contains(caseNumber));
        }

    }

    /** The card issuer: the order of a card that the employee's manager (leder1) approved. */
    private final class ApprovedCardOrder extends Route {
        ApprovedCardOrder() {
            super(1, "ORDERED");
        }

        @Override
        Case start() {
            String employeeNumber = "E7" + newServiceNowRef("").substring(2);
            putSandboxData("/sandbox/opus/employees/" + employeeNumber, sandboxEmployee("Kort Nedbrud", "0606801238"));
            return startAndAwait("payment-cards", "Godkend betalingskort", ref -> Map.of("serviceNowRef", ref, "action", "ORDER", "employeeNumber", employeeNumber,
                    "monthlyLimit", 20000, "requestedBy", "anna"));
        }

        @Override
        void callTheSystem(Case c) {
            completeFirstTask("leder1", c.caseId(), Map.of("approved", true));
        }

        @Override
        List<Map<String, Object>> writes(Case c) {
            return applied("cardissuer", r -> "POST".equals(r.get("method")) && "/api/cards".equals(r.get("path"))
                    && c.ref().equals(((Map<?, ?>) r.get("body")).get("reference")));
        }


    }

    /** The requests the system received and applied (not answered from an earlier idempotency key). */
    private List<Map<String, Object>> applied(String system, Predicate<Map<String, Object>> request) {
        return sandboxRequests(system).stream().filter(r -> !Boolean.TRUE.equals(r.get("replayed"))).filter(request).toList();
    }

    private int faultsLeft(String system) {
        return (Integer) as("demo").getForObject("/sandbox/" + system + "/faults", Map.class).get("failNext");
    }

    /** The value of ksflow_incidents_open on /actuator/prometheus. */
    private double openIncidents() {
        return as("demo").getForObject("/actuator/prometheus", String.class).lines()
                .filter(line -> line.startsWith("ksflow_incidents_open"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }
}
