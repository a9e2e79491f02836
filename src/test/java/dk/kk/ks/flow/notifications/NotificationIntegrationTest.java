package dk.kk.ks.flow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.sandbox.mail.SandboxMailServer;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Approvers are told by e-mail, over real SMTP to the sandbox's mail server: who is told (and who is not), what the
 * e-mail says and where its link goes, reminders, payment-card escalation and expiry, the daily digest, and the
 * outbox's guarantees: nothing for a rolled-back step, nothing twice, and a mail server outage that delays the
 * e-mail but not the case.
 */
class NotificationIntegrationTest extends IntegrationTestCase {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    SandboxMailServer mailServer;
    @Autowired
    NotificationSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    @Test
    void annasPayoutOf12500MailsBoAndNotAnnaALinkThatOpensTheTask() {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("invoice-payouts", payout(ref, 12500.00, "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        String taskId = onlyTask("bo", caseId);

        Map<String, Object> mail = awaitMail("bo@ksflow.test", taskId);

        String link = "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId;
        assertThat(mail).containsOnlyKeys("to", "subject", "text", "sentAt").containsEntry("to", List.of("bo@ksflow.test"));
        assertThat((String) mail.get("subject")).isEqualTo("Opgave til dig i KS Flow: Godkend udbetaling (" + ref + ")");
        assertThat((String) mail.get("text"))
                .startsWith("Hej Bo Berg,")
                .contains("Sagstype: Fakturaudbetaling")
                .contains("Beløb: 12.500,00 kr.")
                .contains("Frist: " + day(timer(caseId, "Event_Expired")))
                .contains("\n" + link + "\n")
                // The payee and the reason are personal data the e-mail does not need.
                .doesNotContain("Jens Hansen").doesNotContain("Tilbagebetaling");
        // The link opens Tasklist, and the task it names is the open task of the case.
        assertThat(http.getForEntity(link.substring(0, link.indexOf('#')), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);
        // Anna requested the payout: the engine refuses her approval, so she is not asked for it.
        assertThat(outboxRecipients(taskId)).containsExactlyInAnyOrder("bo@ksflow.test", "demo@ksflow.test");
        assertThat(mails("anna@ksflow.test")).noneMatch(m -> ((String) m.get("text")).contains(taskId));
    }

    @Test
    void aPaymentCardMailsTheManagerItIsAssignedTo() {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("payment-cards", card(ref, "E10001", "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend betalingskort");
        String taskId = onlyTask("leder1", caseId);

        Map<String, Object> mail = awaitMail("leder1@ksflow.test", taskId);

        assertThat((String) mail.get("subject")).isEqualTo("Opgave til dig i KS Flow: Godkend betalingskort (" + ref + ")");
        assertThat((String) mail.get("text")).startsWith("Hej Lise Leder,")
                .contains("Sagstype: Betalingskort")
                .contains("Kortgrænse pr. måned: 20.000,00 kr.")
                .contains("Frist: " + day(timer(caseId, "Event_Expired")))
                .doesNotContain("Mette Jensen").doesNotContain("0101901234");
        assertThat(outboxRecipients(taskId)).containsExactly("leder1@ksflow.test");
    }

    @Test
    void aManagerOrderingForHerOwnEmployeeIsToldHerManagerApprovesAndBothAreToldWhenTheOrderExpires() {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("payment-cards", card(ref, "E10001", "leder1")).getBody().caseId();
        awaitStep(caseId, "Godkend betalingskort");
        String taskId = onlyTask("leder2", caseId);

        awaitMail("leder2@ksflow.test", taskId);
        Map<String, Object> escalated = awaitMail("leder1@ksflow.test", "godkendelsen er sendt til din leder", ref);
        assertThat((String) escalated.get("text")).contains("Lars Leder");

        managementService.executeJob(timer(caseId, "Event_Expired").getId());

        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("EXPIRED");
        assertThat((String) awaitMail("leder2@ksflow.test", "er udløbet", ref).get("subject")).isEqualTo("Betalingskort (" + ref + ") er udløbet");
        assertThat((String) awaitMail("leder1@ksflow.test", "er udløbet", ref).get("text")).contains("Sag: Betalingskort (" + ref + ")");
    }

    @Test
    void theReminderTimerMailsAReminderOnceEvenWhenItsFirstRunIsRolledBack() {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("invoice-payouts", payout(ref, 12500.00, "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        String taskId = onlyTask("bo", caseId);
        awaitMail("bo@ksflow.test", taskId);
        String reminderJob = timer(caseId, "Event_Reminder").getId();

        // The timer's first run fails at commit: its reminder was recorded in the same transaction, so it is gone too.
        transaction.executeWithoutResult(status -> {
            managementService.executeJob(reminderJob);
            assertThat(outboxKinds(taskId)).contains("REMINDER");
            status.setRollbackOnly();
        });
        assertThat(outboxKinds(taskId)).doesNotContain("REMINDER");

        managementService.executeJob(reminderJob);

        Map<String, Object> reminder = awaitMail("bo@ksflow.test", "Påmindelse", taskId);
        assertThat((String) reminder.get("subject")).isEqualTo("Påmindelse: Godkend udbetaling (" + ref + ") venter stadig");
        assertThat((String) reminder.get("text")).contains("Beløb: 12.500,00 kr.");
        sender.sendDue();
        assertThat(mails("bo@ksflow.test")).filteredOn(m -> ((String) m.get("text")).contains(taskId)).hasSize(2);
        assertThat(mails("bo@ksflow.test")).filteredOn(m -> ((String) m.get("subject")).startsWith("Påmindelse")
                && ((String) m.get("text")).contains(taskId)).hasSize(1);
    }

    @Test
    void aTaskGivenToSomeoneWhoWasToldAlreadyIsNotAnnouncedTwice() {
        String caseId = createCase("invoice-payouts", payout(newServiceNowRef("RITM"), 12500.00, "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        String taskId = onlyTask("bo", caseId);
        awaitMail("bo@ksflow.test", taskId);

        // demo gives the task to bo: the assignment listener runs again for bo, and the outbox already has his e-mail.
        identityService.setAuthentication("demo", List.of("camunda-admin"));
        try {
            taskService.setAssignee(taskId, "bo");
        } finally {
            identityService.clearAuthentication();
        }
        sender.sendDue();

        assertThat(outboxRecipients(taskId)).containsExactlyInAnyOrder("bo@ksflow.test", "demo@ksflow.test");
        assertThat(mails("bo@ksflow.test")).filteredOn(m -> ((String) m.get("text")).contains(taskId)).hasSize(1);
    }

    @Test
    void aTaskCreatedInATransactionThatIsRolledBackIsNeverAnnounced() {
        String[] created = new String[1];
        transaction.executeWithoutResult(status -> {
            ProcessInstance instance = runtimeService.createProcessInstanceByKey("invoice-payout")
                    .businessKey(newServiceNowRef("RITM"))
                    .setVariables(Variables.createVariables()
                            .putValue("amount", 12500.00).putValue("requestedBy", "anna").putValue("payee", "Jens Hansen")
                            .putValue("approverGroups", Variables.objectValue(List.of("debitor-godkendere"))
                                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()))
                    .startBeforeActivity("Task_Approve#multiInstanceBody")
                    .execute();
            created[0] = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
            // The listener's write joined the engine's transaction: visible here, on the same connection.
            assertThat(outboxRecipients(created[0])).contains("bo@ksflow.test");
            status.setRollbackOnly();
        });

        assertThat(taskService.createTaskQuery().taskId(created[0]).count()).isZero();
        assertThat(outboxRecipients(created[0])).isEmpty();
    }

    @Test
    void whileTheMailServerIsDownTheCaseGoesOnAndTheMailArrivesOnceItIsBack() {
        String caseId;
        String taskId;
        mailServer.stop();
        try {
            caseId = createCase("invoice-payouts", payout(newServiceNowRef("RITM"), 12500.00, "anna")).getBody().caseId();
            CaseView waiting = awaitStep(caseId, "Godkend udbetaling");
            assertThat(waiting.status()).isEqualTo(CaseView.Status.ACTIVE);
            taskId = onlyTask("bo", caseId);

            String id = taskId;
            await().atMost(CASE_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                sender.sendDue();
                assertThat(jdbc.queryForObject("SELECT MIN(attempts) FROM ksf_notification WHERE task_id = ?", Integer.class, id))
                        .isGreaterThanOrEqualTo(1);
            });
            assertThat(jdbc.queryForList("SELECT DISTINCT status FROM ksf_notification WHERE task_id = ?", String.class, taskId))
                    .containsExactly("PENDING");
            assertThat(caseView(caseId).status()).isEqualTo(CaseView.Status.ACTIVE);
        } finally {
            mailServer.start();
        }

        awaitMail("bo@ksflow.test", taskId);
        assertThat(completeTask("bo", taskId, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(awaitCompleted(caseId).outcome()).isEqualTo("PAID");
        assertThat(mails("bo@ksflow.test")).filteredOn(m -> ((String) m.get("text")).contains(taskId)).hasSize(1);
    }

    @Test
    void aPersonWhoChoseTheDigestGetsOneMailListingBothTasks() {
        assertThat(putSettings("bo", "{\"digest\": true}").getBody()).isEqualTo("{\"digest\":true,\"email\":\"bo@ksflow.test\"}");
        try {
            String first = createCase("invoice-payouts", payout(newServiceNowRef("RITM"), 12500.00, "anna")).getBody().caseId();
            String second = createCase("invoice-payouts", payout(newServiceNowRef("RITM"), 20000.00, "anna")).getBody().caseId();
            awaitStep(first, "Godkend udbetaling");
            awaitStep(second, "Godkend udbetaling");
            String firstTask = onlyTask("bo", first);
            String secondTask = onlyTask("bo", second);
            // demo reads one e-mail per task; bo's wait for his digest.
            awaitMail("demo@ksflow.test", secondTask);
            assertThat(jdbc.queryForList("SELECT status FROM ksf_notification WHERE recipient = 'bo@ksflow.test' AND task_id IN (?, ?)",
                    String.class, firstTask, secondTask)).containsExactly("HELD", "HELD");

            sender.makeDigests();

            Map<String, Object> digest = awaitMail("bo@ksflow.test", "venter på dig i KS Flow", firstTask);
            assertThat((String) digest.get("text")).contains("?task=" + firstTask).contains("?task=" + secondTask)
                    .contains("Beløb: 12.500,00 kr.").contains("Beløb: 20.000,00 kr.");
            assertThat(mails("bo@ksflow.test")).filteredOn(m -> ((String) m.get("text")).contains(firstTask)
                    || ((String) m.get("text")).contains(secondTask)).hasSize(1);
        } finally {
            putSettings("bo", "{\"digest\": false}");
        }
    }

    @Test
    void theDailyJobRemovesFinishedNotificationsAfterThirtyDaysAndKeepsTheRest() {
        Instant old = clock.instant().minus(Duration.ofDays(31));
        String sent = oldRow("SENT", old);
        String pending = oldRow("PENDING", old);
        String recent = oldRow("SENT", clock.instant().minus(Duration.ofDays(29)));

        sender.makeDigests();

        assertThat(jdbc.queryForList("SELECT id FROM ksf_notification WHERE id IN (?, ?, ?)", String.class, sent, pending, recent))
                .containsExactlyInAnyOrder(pending, recent);
        jdbc.update("DELETE FROM ksf_notification WHERE id IN (?, ?)", pending, recent);
    }

    @Test
    void aGroupWithASharedMailboxIsToldThereAndAPersonGivenTheTaskByAnotherIsToldToo() {
        String ref = newServiceNowRef("RITM");
        String caseId = createCase("invoice-payouts", payout(ref, 300000.00, "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        assertThat(completeTask("bo", onlyTask("bo", caseId), Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String secondTask = await().atMost(CASE_TIMEOUT).until(() -> tasks("demo", caseId).stream()
                .map(task -> (String) task.get("id")).findFirst().orElse(""), id -> !id.isEmpty() && !outboxRecipients(id).isEmpty());

        awaitMail("oekonomi-chefer@ksflow.test", secondTask);
        assertThat(outboxRecipients(secondTask)).containsExactly("oekonomi-chefer@ksflow.test");

        // demo takes the task himself, as in Tasklist: nobody needs telling. Then he hands it to leder1, who is told.
        assertThat(postJson("demo", "/engine-rest/task/" + secondTask + "/claim", Map.of("userId", "demo")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(outboxRecipients(secondTask)).containsExactly("oekonomi-chefer@ksflow.test");
        assertThat(postJson("demo", "/engine-rest/task/" + secondTask + "/assignee", Map.of("userId", "leder1")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat((String) awaitMail("leder1@ksflow.test", secondTask).get("subject")).isEqualTo("Opgave til dig i KS Flow: Godkend udbetaling ("
                + ref + ")");
        assertThat(outboxRecipients(secondTask)).containsExactlyInAnyOrder("oekonomi-chefer@ksflow.test", "leder1@ksflow.test");
    }

    @Test
    void notificationSettingsAreEachPersonsOwn() {
        assertThat(http.exchange(NotificationSettingsController.PATH, HttpMethod.GET, HttpEntity.EMPTY, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(putSettings("anna", "{\"digest\": \"yes\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(putSettings("anna", "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        try {
            assertThat(putSettings("leder2", "{\"digest\": true}").getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(as("leder2").getForObject(NotificationSettingsController.PATH, Map.class)).containsEntry("digest", true);
            assertThat(as("leder1").getForObject(NotificationSettingsController.PATH, Map.class))
                    .containsEntry("digest", false).containsEntry("email", "leder1@ksflow.test");
        } finally {
            putSettings("leder2", "{\"digest\": false}");
        }
    }

    @Test
    void onlyAdministratorsReadTheSandboxMail() {
        assertThat(http.getForEntity("/sandbox/mail/messages", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("bo").getForEntity("/sandbox/mail/messages", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("bo").getForEntity("/sandbox/mail", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> page = as("demo").getForEntity("/sandbox/mail?to=bo@ksflow.test", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<html lang=\"da\">").contains("<label for=\"to\">").contains("Sendte e-mails");
        assertThat(as("demo").getForObject("/sandbox", String.class)).contains("href=\"/sandbox/mail\"");
    }

    // --- helpers

    private static Map<String, Object> payout(String ref, double amount, String requestedBy) {
        return new java.util.LinkedHashMap<>(Map.of("serviceNowRef", ref, "debtorNumber", "100234", "payee", "Jens Hansen",
                "amount", amount, "reason", "Tilbagebetaling af for meget betalt", "requestedBy", requestedBy));
    }

    private static Map<String, Object> card(String ref, String employeeNumber, String requestedBy) {
        return Map.of("serviceNowRef", ref, "action", "ORDER", "employeeNumber", employeeNumber, "monthlyLimit", 20000,
                "requestedBy", requestedBy);
    }

    private String onlyTask(String user, String caseId) {
        List<Map<String, Object>> tasks = tasks(user, caseId);
        assertThat(tasks).hasSize(1);
        return (String) tasks.get(0).get("id");
    }

    private Job timer(String caseId, String activityId) {
        return managementService.createJobQuery().processInstanceId(caseId).timers().activityId(activityId).singleResult();
    }

    private static String day(Job job) {
        return DAY.format(job.getDuedate().toInstant().atZone(ZoneId.of("Europe/Copenhagen")));
    }

    /** A row of another case, in the given state, recorded at the given time; its next attempt lies far ahead. */
    private String oldRow(String status, Instant at) {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO ksf_notification (id, dedup_key, kind, recipient, status, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, 'TASK', 'nobody@ksflow.test', ?, 0, ?, ?)", id, "test:" + id, status,
                Timestamp.from(at.plus(Duration.ofDays(365))), Timestamp.from(at));
        return id;
    }

    private List<String> outboxRecipients(String taskId) {
        return jdbc.queryForList("SELECT recipient FROM ksf_notification WHERE task_id = ? AND kind = 'TASK'", String.class, taskId);
    }

    private List<String> outboxKinds(String taskId) {
        return jdbc.queryForList("SELECT kind FROM ksf_notification WHERE task_id = ?", String.class, taskId);
    }

    /** What the sandbox mail server received for the address, newest first: GET /sandbox/mail/messages?to=. */
    private List<Map<String, Object>> mails(String address) {
        return getList("demo", "/sandbox/mail/messages?to=" + address);
    }

    /** Waits (sending what is due meanwhile) for the e-mail to the address whose subject and text contain every part. */
    private Map<String, Object> awaitMail(String address, String... parts) {
        Predicate<Map<String, Object>> matches = mail -> {
            String whole = mail.get("subject") + "\n" + mail.get("text");
            for (String part : parts) {
                if (!whole.contains(part)) {
                    return false;
                }
            }
            return true;
        };
        return await().atMost(CASE_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            sender.sendDue();
            return mails(address).stream().filter(matches).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }

    private ResponseEntity<String> putSettings(String user, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(NotificationSettingsController.PATH, HttpMethod.PUT, new HttpEntity<>(json, headers), String.class);
    }
}
