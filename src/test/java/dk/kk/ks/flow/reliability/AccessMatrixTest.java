package dk.kk.ks.flow.reliability;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.WebappBrowser;

/**
 * Who may do what, walked endpoint by endpoint, anonymously and as each role. A cell is the expected HTTP
 * status; 400 and 404 mean "let through, then refused for the body or the id". Deploying is in
 * ProcessOwnerDeploymentTest (it needs a real multipart body). On /api, 401 and 403 are problem details too.
 * The administrators' endpoints (jobs, batches, history cleanup) are walked for every role, through the engine
 * REST API and through the webapps' API. The last two tables walk what can be done to a running case (its
 * variables and tasks), through /engine-rest and through Tasklist's API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends IntegrationTestCase {

    private static final String[] USERS = {"", "servicenow", "bo", "chef", "procesejer", "demo"};

    /** method, path, body, then the expected status for: anonymous, servicenow, bo, chef, procesejer, demo. */
    private static final Object[][] MATRIX = {
            {"GET", "/api/v1/cases?serviceNowRef=RITM0000001", null, 401, 200, 403, 403, 403, 200},
            {"POST", "/api/v1/invoice-payouts", "{}", 401, 400, 403, 403, 403, 400},
            {"POST", "/api/v1/timesheets/calculation", "{}", 401, 400, 403, 403, 403, 400},
            {"GET", "/api/v1/calendar/holidays?year=2027", null, 401, 200, 403, 403, 403, 200},
            {"GET", "/api/v1/benefits", null, 401, 403, 403, 200, 403, 200},
            {"GET", "/benefits", null, 401, 403, 403, 200, 403, 200},
            {"POST", "/api/v1/decisions/invoice-payout-approvals/what-if", "{}", 401, 403, 403, 403, 415, 415},
            {"GET", "/process-owners/what-if", null, 401, 403, 403, 403, 200, 200},
            {"POST", "/api/v1/process-owners/migrations/no-such-case-type", null, 401, 403, 403, 403, 404, 404},
            {"GET", "/api/v1/process-owners/waiting-times/invoice-payouts", null, 401, 403, 403, 200, 200, 200},
            {"GET", "/process-owners/waiting-times/invoice-payouts", null, 401, 403, 403, 200, 200, 200},
            {"GET", "/sandbox/opus/requests", null, 401, 403, 403, 403, 403, 200},
            {"PUT", "/sandbox/opus/faults", "{\"failNext\":0}", 401, 403, 403, 403, 403, 200},
            {"GET", "/sandbox/opus/api/debitor/payouts/UDB0", null, 401, 403, 403, 403, 403, 404},
            {"GET", "/sandbox/opus/health", null, 401, 403, 403, 403, 403, 200},
            {"PUT", "/sandbox/opus/health", "{}", 401, 403, 403, 403, 403, 405},
            {"GET", "/engine-rest/task/count", null, 401, 200, 200, 200, 200, 200},
            {"GET", "/actuator/prometheus", null, 401, 403, 403, 403, 403, 200},
            {"GET", "/actuator/health", null, 200, 200, 200, 200, 200, 200},
            {"GET", "/v3/api-docs", null, 200, 200, 200, 200, 200, 200},
    };

    /** Every sandbox user, one of each role (anna and bo share theirs), for the administrators' endpoints. */
    private static final String[] EVERY_ROLE = {"", "servicenow", "anna", "bo", "leder1", "chef", "procesejer", "ksflow-system", "demo"};

    /**
     * Jobs, job definitions, batches, history cleanup and job logs: administrators only, anonymous callers 401,
     * every other role 403. Then the value for demo (camunda-admin). The first administrator's setup: closed to all.
     */
    private static final Object[][] ADMIN_ONLY = {
            {"GET", "/engine-rest/job", null, 200},
            {"GET", "/engine-rest/job/count", null, 200},
            {"GET", "/engine-rest/engine/default/job/count", null, 200},
            {"GET", "/engine-rest/job/no-such-job", null, 404},
            {"PUT", "/engine-rest/job/no-such-job/suspended", "{\"suspended\":true}", 204},
            {"DELETE", "/engine-rest/job/no-such-job", null, 404},
            {"GET", "/engine-rest/job-definition", null, 200},
            {"PUT", "/engine-rest/job-definition/suspended", "{\"suspended\":false,\"processDefinitionKey\":\"no-such-process\"}", 204},
            {"GET", "/engine-rest/batch", null, 200},
            {"GET", "/engine-rest/batch/statistics", null, 200},
            {"GET", "/engine-rest/history/batch", null, 200},
            {"GET", "/engine-rest/history/cleanup/configuration", null, 200},
            {"GET", "/engine-rest/history/cleanup/jobs", null, 200},
            {"POST", "/engine-rest/history/cleanup?immediatelyDue=false", null, 200},
            {"GET", "/engine-rest/history/job-log/count", null, 200},
            {"POST", "/engine-rest/identity/verify", "{\"username\":\"demo\",\"password\":\"demo\"}", 200},
    };

    /** The setup page and its endpoint: 403 for everybody, logged in or not (the administrator comes from configuration). */
    private static final Object[][] CLOSED = {
            {"GET", "/camunda/app/admin/default/setup/", null},
            {"POST", "/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\",\"email\":\"i@example.invalid\"},\"credentials\":{\"password\":\"intruder1\"}}"},
    };

    /** The webapps' copy of the administrators' endpoints, called with a webapp session as Cockpit calls them. */
    private static final String[] WEBAPP_ADMIN_ONLY = {
            "/camunda/api/engine/engine/default/job/count",
            "/camunda/api/engine/engine/default/job-definition/count",
            "/camunda/api/engine/engine/default/batch/count",
            "/camunda/api/engine/engine/default/history/batch/count",
            "/camunda/api/engine/engine/default/history/cleanup/configuration",
            "/camunda/api/engine/engine/default/history/job-log/count",
    };

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    static Stream<Arguments> adminOnlyCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : ADMIN_ONLY) {
            for (String user : EVERY_ROLE) {
                int expected = user.isEmpty() ? 401 : "demo".equals(user) ? (int) row[3] : 403;
                cells.add(Arguments.of(row[0], row[1], row[2], user.isEmpty() ? "anonymous" : user, expected));
            }
        }
        for (Object[] row : CLOSED) {
            for (String user : EVERY_ROLE) {
                cells.add(Arguments.of(row[0], row[1], row[2], user.isEmpty() ? "anonymous" : user, 403));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("adminOnlyCells")
    void jobsBatchesAndHistoryCleanupAreForAdministratorsOnly(String method, String path, String body, String user, int expected) {
        answersAsTheTableSays(method, path, body, user, expected);
    }

    static Stream<String> everyRole() {
        return Stream.of(EVERY_ROLE).filter(user -> !user.isEmpty());
    }

    @ParameterizedTest(name = "Cockpit's API as {0}")
    @MethodSource("everyRole")
    void theWebappsApiForJobsBatchesAndHistoryCleanupIsForAdministratorsOnly(String user) {
        dk.kk.ks.flow.support.OtherClient browser = new dk.kk.ks.flow.support.OtherClient("http://127.0.0.1:" + port, "127.0.0.1");
        browser.webappLogin(user, user, "welcome");
        int expected = "demo".equals(user) ? 200 : 403;
        for (String path : WEBAPP_ADMIN_ONLY) {
            assertThat(browser.webapp(HttpMethod.GET, path, null).getStatusCode().value()).as(path).isEqualTo(expected);
        }
        // The rest of the webapps' engine API is Camunda's authorizations' business, as before.
        assertThat(browser.webapp(HttpMethod.GET, "/camunda/api/engine/engine/default/process-definition/count", null)
                .getStatusCode().value()).isEqualTo(200);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : MATRIX) {
            for (int u = 0; u < USERS.length; u++) {
                cells.add(Arguments.of(row[0], row[1], row[2], USERS[u].isEmpty() ? "anonymous" : USERS[u], row[3 + u]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("cells")
    void answersAsTheTableSays(String method, String path, String body, String user, int expected) {
        TestRestTemplate client = "anonymous".equals(user) ? http : as(user);
        ResponseEntity<String> response = client.exchange(path, HttpMethod.valueOf(method), entity(body), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(expected);
        if (path.startsWith("/api/") && (expected == 401 || expected == 403)) {
            assertProblem(response, expected);
        }
    }

    private static HttpEntity<String> entity(String body) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return new HttpEntity<>(body, headers);
    }

    // ------------------------------------------------------------------------------------------------------------
    // A case's variables and tasks: changing them, moving the case, reassigning or ending a task past its rules is
    // for administrators; approvers only work on their tasks (claim, complete with their form's fields).

    private static final String[] CASE_USERS = {"", "servicenow", "bo", "leder1", "procesejer", "demo"};
    private static final String BO = "{\"value\":\"bo\",\"type\":\"String\"}";
    private static final String SET_BO = "{\"modifications\":{\"requestedBy\":" + BO + "}}";
    /** A completion that names somebody else as the requester (a value no row sets). */
    private static final String FORGED = "{\"variables\":{\"requestedBy\":{\"value\":\"leder2\"},\"approved\":{\"value\":true}}}";
    private static final String APPROVED = "{\"variables\":{\"approved\":{\"value\":true}}}";

    /**
     * fixture, method, path, body, then the expected status for: anonymous, servicenow, bo, leder1, procesejer, demo.
     * {case} and {task} are the fixture's case and open task: "payout" anna's payout waiting for bo's group
     * (debitor-godkendere), "card" anna's card order waiting for the manager leder1, "hearing" a dismissal waiting
     * for the hearing reply. A fixture ending in "!" is the row's own (the administrator's call changes it); the
     * others are shared by the rows of one table. 404: the user may not even see the task or the subscription.
     */
    private static final Object[][] CASE_MATRIX = {
            {"payout", "PUT", "/engine-rest/task/{task}/variables/requestedBy", BO, 401, 403, 403, 403, 403, 204},
            {"payout", "POST", "/engine-rest/task/{task}/variables", SET_BO, 401, 403, 403, 403, 403, 204},
            {"payout", "DELETE", "/engine-rest/task/{task}/variables/comment", null, 401, 403, 403, 403, 403, 204},
            {"payout", "PUT", "/engine-rest/task/{task}/localVariables/requestedBy", BO, 401, 403, 403, 403, 403, 204},
            {"payout", "POST", "/engine-rest/task/{task}/localVariables", SET_BO, 401, 403, 403, 403, 403, 204},
            {"payout", "PUT", "/engine-rest/process-instance/{case}/variables/requestedBy", BO, 401, 403, 403, 403, 403, 204},
            {"payout", "POST", "/engine-rest/process-instance/{case}/variables", SET_BO, 401, 403, 403, 403, 403, 204},
            {"payout", "DELETE", "/engine-rest/process-instance/{case}/variables/comment", null, 401, 403, 403, 403, 403, 204},
            {"payout", "PUT", "/engine-rest/execution/{case}/localVariables/requestedBy", BO, 401, 403, 403, 403, 403, 204},
            {"payout", "POST", "/engine-rest/execution/{case}/localVariables", SET_BO, 401, 403, 403, 403, 403, 204},
            {"payout", "POST", "/engine-rest/task/{task}/complete", FORGED, 401, 403, 400, 403, 403, 400},
            {"payout", "POST", "/engine-rest/task/{task}/submit-form", FORGED, 401, 403, 400, 403, 403, 400},
            {"payout", "POST", "/engine-rest/task/{task}/identity-links", "{\"userId\":\"procesejer\",\"type\":\"candidate\"}",
                    401, 403, 403, 403, 403, 204},
            {"payout!", "PUT", "/engine-rest/task/{task}", "{\"name\":\"Godkend udbetaling\",\"assignee\":\"bo\"}",
                    401, 404, 403, 404, 404, 204},
            {"payout!", "POST", "/engine-rest/process-instance/{case}/modification",
                    "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_Approve\"}]}", 401, 403, 403, 403, 403, 204},
            {"payout!", "POST", "/engine-rest/task/{task}/bpmnError", "{\"errorCode\":\"GODKENDT\"," + APPROVED.substring(1),
                    401, 403, 403, 403, 403, 204},
            {"payout!", "POST", "/engine-rest/task/{task}/resolve", APPROVED, 401, 403, 403, 403, 403, 204},
            {"card!", "POST", "/engine-rest/task/{task}/assignee", "{\"userId\":\"leder2\"}", 401, 403, 403, 403, 403, 204},
            {"card!", "POST", "/engine-rest/task/{task}/delegate", "{\"userId\":\"leder2\"}", 401, 403, 403, 403, 403, 204},
            {"card!", "POST", "/engine-rest/task/{task}/identity-links", "{\"userId\":\"leder2\",\"type\":\"assignee\"}",
                    401, 403, 403, 403, 403, 204},
            {"hearing!", "POST", "/engine-rest/message", "{\"messageName\":\"HearingReplyReceived\",\"processInstanceId\":\"{case}\","
                    + "\"processVariables\":{\"hearingReplySummary\":{\"value\":\"Enig\"}}}", 401, 403, 403, 403, 403, 204},
            {"hearing!", "POST", "/engine-rest/execution/{execution}/messageSubscriptions/HearingReplyReceived/trigger",
                    "{\"variables\":{\"hearingReplySummary\":{\"value\":\"Enig\"}}}", 401, 403, 403, 403, 403, 204},
    };

    /** The same through Tasklist's API, logged in with the session's XSRF token: bo, leder1, demo. */
    private static final String[] WEBAPP_USERS = {"bo", "leder1", "demo"};
    private static final String TASKLIST_API = "/camunda/api/engine/engine/default";
    private static final Object[][] WEBAPP_MATRIX = {
            {"payout", "PUT", TASKLIST_API + "/task/{task}/variables/requestedBy", BO, 403, 403, 204},
            {"payout", "POST", TASKLIST_API + "/task/{task}/variables", SET_BO, 403, 403, 204},
            {"payout", "PUT", TASKLIST_API + "/process-instance/{case}/variables/requestedBy", BO, 403, 403, 204},
            {"payout", "POST", TASKLIST_API + "/task/{task}/complete", FORGED, 400, 403, 400},
            {"payout", "POST", TASKLIST_API + "/task/{task}/submit-form", FORGED, 400, 403, 400},
            {"payout!", "POST", TASKLIST_API + "/task/{task}/bpmnError", "{\"errorCode\":\"GODKENDT\"," + APPROVED.substring(1), 403, 403, 204},
            {"card!", "POST", TASKLIST_API + "/task/{task}/assignee", "{\"userId\":\"leder2\"}", 403, 403, 204},
            {"card!", "POST", TASKLIST_API + "/task/{task}/delegate", "{\"userId\":\"leder2\"}", 403, 403, 204},
            {"hearing!", "POST", TASKLIST_API + "/message", "{\"messageName\":\"HearingReplyReceived\",\"processInstanceId\":\"{case}\","
                    + "\"processVariables\":{\"hearingReplySummary\":{\"value\":\"Enig\"}}}", 403, 403, 204},
    };

    static Stream<Arguments> caseCells() {
        return cellsOf(CASE_MATRIX, CASE_USERS, "case");
    }

    static Stream<Arguments> webappCells() {
        return cellsOf(WEBAPP_MATRIX, WEBAPP_USERS, "webapp");
    }

    /** fixture key (a "!" fixture per row), method, path, body, user, expected. */
    private static Stream<Arguments> cellsOf(Object[][] matrix, String[] users, String table) {
        List<Arguments> cells = new ArrayList<>();
        for (int row = 0; row < matrix.length; row++) {
            Object[] cell = matrix[row];
            String fixture = cell[0] + table + (cell[0].toString().endsWith("!") ? row : "");
            for (int u = 0; u < users.length; u++) {
                cells.add(Arguments.of(cell[1], cell[2], cell[3], users[u].isEmpty() ? "anonymous" : users[u], cell[4 + u], fixture));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("caseCells")
    void answersOnACaseAsTheTableSays(String method, String path, String body, String user, int expected, String fixture) {
        Fixture on = fixture(fixture);
        TestRestTemplate client = "anonymous".equals(user) ? http : as(user);
        ResponseEntity<String> response = client.exchange(on.fill(path), HttpMethod.valueOf(method), entity(on.fill(body)), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Tasklist: {0} {1} as {3}: {4}")
    @MethodSource("webappCells")
    void answersOnACaseInTasklistAsTheTableSays(String method, String path, String body, String user, int expected, String fixture)
            throws Exception {
        Fixture on = fixture(fixture);
        HttpResponse<String> response = session(user).send(method, on.fill(path), on.fill(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }

    private static final Map<String, WebappBrowser> SESSIONS = new ConcurrentHashMap<>();

    /** The user's Tasklist session, logged in once. */
    private synchronized WebappBrowser session(String user) throws Exception {
        WebappBrowser tasklist = SESSIONS.get(user);
        if (tasklist == null) {
            tasklist = new WebappBrowser(http.getRootUri());
            tasklist.loggedInAs(user);
            SESSIONS.put(user, tasklist);
        }
        return tasklist;
    }

    /** A case of the matrix, its open task, and (for a hearing) the execution waiting for the reply. */
    private record Fixture(String caseId, String taskId, String executionId) {

        String fill(String text) {
            return text == null ? null : text.replace("{case}", caseId).replace("{task}", String.valueOf(taskId))
                    .replace("{execution}", String.valueOf(executionId));
        }
    }

    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    /** The cases end here: other tests (the simulated caseworker) must not find tasks given to the wrong person. */
    @AfterAll
    void deleteTheCases() {
        FIXTURES.values().forEach(fixture -> as("demo").delete("/engine-rest/process-instance/" + fixture.caseId() + "?skipIoMappings=true"));
        FIXTURES.clear();
    }

    /** Every fixture of both tables, started together the first time one is needed, so their jobs run side by side. */
    private synchronized Fixture fixture(String key) {
        if (FIXTURES.isEmpty()) {
            Map<String, String> started = new LinkedHashMap<>();
            Stream.concat(caseCells(), webappCells()).map(cell -> (String) cell.get()[5]).distinct()
                    .forEach(fixture -> started.put(fixture, start(fixture)));
            started.forEach((fixture, caseId) -> FIXTURES.put(fixture, ready(fixture, caseId)));
        }
        return FIXTURES.get(key);
    }

    private String start(String fixture) {
        String ref = newServiceNowRef("RITM");
        if (fixture.startsWith("payout")) {
            return createCase("invoice-payouts", Map.of("serviceNowRef", ref, "debtorNumber", "100234", "payee", "Jens Hansen",
                    "amount", 50000.00, "reason", "Adgangsmatrix", "requestedBy", "anna")).getBody().caseId();
        }
        if (fixture.startsWith("card")) {
            return createCase("payment-cards", Map.of("serviceNowRef", ref, "action", "ORDER", "employeeNumber", "E10001",
                    "monthlyLimit", 20000, "requestedBy", "anna")).getBody().caseId();
        }
        String employee = "E5" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        putSandboxData("/sandbox/opus/employees/" + employee, sandboxEmployee("Hanne Høring", "0202801234"));
        return createCase("dismissals", Map.of("serviceNowRef", ref, "employeeNumber", employee, "reasonCategory", "WORK_SHORTAGE",
                "reasonText", "Nedlæggelse af stilling", "requestedBy", "leder1")).getBody().caseId();
    }

    private Fixture ready(String fixture, String caseId) {
        if (fixture.startsWith("payout")) {
            awaitStep(caseId, "Godkend udbetaling");
        } else if (fixture.startsWith("card")) {
            awaitCase(caseId, view -> view.currentSteps().contains("Godkend betalingskort") && !tasks("leder1", caseId).isEmpty());
        } else {
            awaitStep(caseId, "Kontroller afskedigelse");
            completeFirstTask("bo", caseId, Map.of("hearingDeadline", "2099-12-31"));
            awaitStep(caseId, "Svar eller frist?");
            String execution = (String) getList("demo", "/engine-rest/execution?processInstanceId=" + caseId
                    + "&messageEventSubscriptionName=HearingReplyReceived").get(0).get("id");
            return new Fixture(caseId, null, execution);
        }
        return new Fixture(caseId, (String) tasks("demo", caseId).get(0).get("id"), null);
    }
}
