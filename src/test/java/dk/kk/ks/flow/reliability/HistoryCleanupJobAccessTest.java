package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.OtherClient;

/**
 * The history cleanup job is the 730-day retention of personal data. It belongs to no process definition, so
 * Camunda's authorizations do not guard it: only administrators may suspend, postpone or delete it, through the
 * engine REST API and through the webapps' API (Cockpit), and everyone else is refused with the job unchanged.
 */
class HistoryCleanupJobAccessTest extends IntegrationTestCase {

    private static final String POSTPONED = "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}";
    private static final String SUSPENDED = "{\"suspended\":true}";

    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @LocalServerPort
    int port;

    private Job job;

    @BeforeEach
    void theCleanupJobIsScheduled() {
        if (historyService.findHistoryCleanupJobs().isEmpty()) {
            historyService.cleanUpHistoryAsync();
        }
        job = historyService.findHistoryCleanupJobs().get(0);
        assertThat(job.getProcessDefinitionId()).isNull();
    }

    @AfterEach
    void theCleanupJobIsScheduledAsBefore() {
        if (historyService.findHistoryCleanupJobs().isEmpty()) {
            historyService.cleanUpHistoryAsync();
        }
        Job now = historyService.findHistoryCleanupJobs().get(0);
        if (now.isSuspended()) {
            managementService.activateJobById(now.getId());
        }
        managementService.setJobDuedate(now.getId(), job.getDuedate());
    }

    @Test
    void nobodyButAnAdministratorCanSuspendPostponeOrDeleteItThroughTheEngineRestApi() {
        for (String user : List.of("servicenow", "anna", "procesejer", "chef", "leder1", "ksflow-system")) {
            OtherClient client = client();
            assertThat(status(client.basic(HttpMethod.PUT, jobPath("/suspended"), user, user, SUSPENDED))).as(user).isEqualTo(403);
            assertThat(status(client.basic(HttpMethod.PUT, jobPath("/duedate"), user, user, POSTPONED))).as(user).isEqualTo(403);
            assertThat(status(client.basic(HttpMethod.PUT, jobPath("/retries"), user, user, "{\"retries\":0}"))).as(user).isEqualTo(403);
            assertThat(status(client.basic(HttpMethod.DELETE, jobPath(""), user, user, null))).as(user).isEqualTo(403);
            // The same job through the engine's named path; with a letter of the path percent-encoded, the firewall refuses.
            assertThat(status(client.basic(HttpMethod.PUT, "/engine-rest/engine/default/job/" + job.getId() + "/suspended", user, user, SUSPENDED)))
                    .as(user).isEqualTo(403);
            assertThat(status(client.basic(HttpMethod.DELETE, "/engine-rest/%6Aob/" + job.getId(), user, user, null))).as(user).isIn(400, 403);
        }
        assertUnchanged();

        OtherClient demo = client();
        assertThat(status(demo.basic(HttpMethod.PUT, jobPath("/suspended"), "demo", "demo", SUSPENDED))).isEqualTo(204);
        assertThat(current().isSuspended()).isTrue();
        assertThat(status(demo.basic(HttpMethod.PUT, jobPath("/suspended"), "demo", "demo", "{\"suspended\":false}"))).isEqualTo(204);
        assertThat(status(demo.basic(HttpMethod.PUT, jobPath("/duedate"), "demo", "demo", POSTPONED))).isEqualTo(204);
        assertThat(current().getDuedate()).isAfter(job.getDuedate());
        assertThat(status(demo.basic(HttpMethod.DELETE, jobPath(""), "demo", "demo", null))).isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(job.getId()).count()).isZero();
    }

    @Test
    void nobodyButAnAdministratorCanSuspendPostponeOrDeleteItThroughCockpitsApi() {
        String webappJob = "/camunda/api/engine/engine/default/job/" + job.getId();
        for (String user : List.of("servicenow", "anna", "procesejer", "chef", "leder1")) {
            OtherClient browser = client();
            // Logged into whichever webapp the user may open (ServiceNow's user may open none, but the login still makes a session).
            int login = status(browser.webappLogin(user, user, "welcome"));
            assertThat(login).as(user).isIn(200, 403);
            assertThat(status(browser.webapp(HttpMethod.PUT, webappJob + "/suspended", SUSPENDED))).as(user).isEqualTo(403);
            assertThat(status(browser.webapp(HttpMethod.PUT, webappJob + "/duedate", POSTPONED))).as(user).isEqualTo(403);
            assertThat(status(browser.webapp(HttpMethod.DELETE, webappJob, null))).as(user).isEqualTo(403);
            assertThat(status(browser.webapp(HttpMethod.GET, "/camunda/api/engine/engine/default/history/cleanup/configuration", null))).as(user).isEqualTo(403);
        }
        assertUnchanged();

        OtherClient cockpit = client();
        assertThat(status(cockpit.webappLogin("demo", "demo", "cockpit"))).isEqualTo(200);
        assertThat(status(cockpit.webapp(HttpMethod.GET, webappJob, null))).isEqualTo(200);
        assertThat(status(cockpit.webapp(HttpMethod.GET, "/camunda/api/engine/engine/default/history/cleanup/configuration", null))).isEqualTo(200);
        assertThat(status(cockpit.webapp(HttpMethod.PUT, webappJob + "/suspended", SUSPENDED))).isEqualTo(204);
        assertThat(current().isSuspended()).isTrue();
        assertThat(status(cockpit.webapp(HttpMethod.PUT, webappJob + "/duedate", POSTPONED))).isEqualTo(204);
        assertThat(status(cockpit.webapp(HttpMethod.DELETE, webappJob, null))).isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(job.getId()).count()).isZero();
    }

    private void assertUnchanged() {
        Job now = current();
        assertThat(now).isNotNull();
        assertThat(now.isSuspended()).isFalse();
        assertThat(now.getDuedate()).isEqualTo(job.getDuedate());
        assertThat(now.getRetries()).isEqualTo(job.getRetries());
    }

    private Job current() {
        return managementService.createJobQuery().jobId(job.getId()).singleResult();
    }

    private String jobPath(String operation) {
        return "/engine-rest/job/" + job.getId() + operation;
    }

    private OtherClient client() {
        return new OtherClient("http://127.0.0.1:" + port, "127.0.0.1");
    }

    private static int status(ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }
}
