package dk.kk.ks.flow.support.load;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.kk.ks.flow.support.TestClock;

/**
 * A simulated caseworker: completes every open user task of the seven case types through the engine's
 * REST API, as Tasklist does, with the answer a caseworker usually gives (approve, confirm, dismiss), and
 * answers the hearing of a dismissal as ServiceNow forwards the employee's reply. A task is completed
 * as its assignee, else as {@code bo}, else {@code anna}, else {@code demo}: the four-eyes rules refuse
 * the requester and whoever approved before, and the next user tries. Several caseworkers may work at
 * once, also on different nodes: a task another one completed first is simply gone.
 */
public final class Caseworker {

    private static final List<String> CASEWORKERS = List.of("bo", "anna", "demo");
    /** Between them, these users see every task of the seven case types: the caseworkers' groups and the managers'. */
    private static final List<String> TASK_VIEWERS = List.of("bo", "leder1", "leder2", "demo");
    private static final int PAGE = 200;

    private final KsFlowClient client;
    private final List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Caseworker(KsFlowClient client) {
        this.client = client;
    }

    /** One pass: completes the open tasks (up to a page) and answers waiting hearings. */
    public void completeOpenTasks() {
        for (String user : TASK_VIEWERS) {
            JsonNode tasks = client.getJson("/engine-rest/task?sortBy=created&sortOrder=asc&firstResult=0&maxResults=" + PAGE, user);
            for (JsonNode task : tasks) {
                complete(task);
            }
        }
        answerHearings();
    }

    /** The tasks every user was refused, with the last answer: a caseworker who cannot go on is a bug to report. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void complete(JsonNode task) {
        String form = task.path("camundaFormRef").path("key").asText();
        Map<String, Object> variables = answer(form);
        if (variables == null) {
            return;
        }
        List<String> users = new ArrayList<>();
        if (!task.path("assignee").isNull() && !task.path("assignee").asText().isEmpty()) {
            users.add(task.path("assignee").asText());
        } else {
            users.addAll(CASEWORKERS);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        HttpResponse<String> response = null;
        for (String user : users) {
            response = client.send("POST", "/engine-rest/task/" + task.path("id").asText() + "/complete",
                    Map.of("variables", typed), user);
            if (response.statusCode() == 204 || response.statusCode() == 404 || response.body().contains("Cannot find task")) {
                return; // done, or another caseworker (or a timer) got there first
            }
        }
        refusals.add(form + " " + task.path("name").asText() + " " + task.path("id").asText()
                + " (case " + task.path("processInstanceId").asText() + "): "
                + response.statusCode() + " " + response.body());
    }

    /** What a caseworker answers in each form of the seven case types (forms/*.form); null for other tasks. */
    static Map<String, Object> answer(String form) {
        return switch (form) {
            case "timesheet-review" -> Map.of("decision", "APPROVE");
            case "resignation-review" -> Map.of("decision", "CONFIRM");
            case "dismissal-check" -> Map.of("hearingDeadline", TestClock.today().plusDays(14).toString());
            case "dismissal-decision", "dismissal-civil-servant" ->
                    Map.of("decision", "DISMISS", "justification", "Stillingen nedlægges; ingen anden stilling");
            case "payment-card-approver" -> Map.of("assignment", "ASSIGN", "approverUserId", "leder1",
                    "comment", "Lederen over rekvirenten");
            case "invoice-payout-approval", "posting-review", "service-contract-regulation-review", "payment-card-approval" ->
                    Map.of("approved", true);
            default -> null;
        };
    }

    /** Dismissals waiting for the employee's reply to the hearing get one, through ServiceNow's API. */
    private void answerHearings() {
        JsonNode waiting = client.getJson("/engine-rest/event-subscription?eventType=message&activityId=Event_ReplyReceived"
                + "&firstResult=0&maxResults=" + PAGE, "demo");
        for (JsonNode subscription : waiting) {
            client.send("POST", "/api/v1/cases/" + subscription.path("processInstanceId").asText()
                    + "/hearing-reply", Map.of("receivedAt", OffsetDateTime.now(TestClock.clock()).toString(),
                    "summary", "Medarbejderen har ingen bemærkninger"), "servicenow");
        }
    }
}
