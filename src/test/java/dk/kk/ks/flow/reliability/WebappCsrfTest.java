package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.WebappBrowser;

/**
 * The webapps (Cockpit, Tasklist, Admin) keep Camunda's CSRF protection: a state-changing call to their
 * API from a browser session is refused without the X-XSRF-TOKEN header that echoes the session's
 * XSRF-TOKEN cookie, and accepted with it. The login and a Tasklist completion are the calls that matter.
 */
class WebappCsrfTest extends IntegrationTestCase {

    @Test
    void theLoginNeedsTheTokenOfTheSession() throws Exception {
        WebappBrowser browser = new WebappBrowser(http.getRootUri());
        browser.open();
        assertThat(browser.token()).isNotBlank();

        assertThat(browser.login("bo", false).statusCode()).isEqualTo(403);
        browser.open();
        assertThat(browser.login("bo", true).statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"bo\"");
    }

    @Test
    void aTaskCompletedInTasklistWithoutTheTokenIsRefusedAndStaysOpen() throws Exception {
        String caseId = createCase("invoice-payouts", Map.of("serviceNowRef", newServiceNowRef("RITM"), "debtorNumber", "100234",
                "payee", "Jens Hansen", "amount", 12500.00, "reason", "CSRF-test", "requestedBy", "anna")).getBody().caseId();
        awaitStep(caseId, "Godkend udbetaling");
        String taskId = (String) tasks("bo", caseId).get(0).get("id");
        String complete = "/camunda/api/engine/engine/default/task/" + taskId + "/complete";
        String approval = "{\"variables\":{\"approved\":{\"value\":true}}}";

        WebappBrowser browser = new WebappBrowser(http.getRootUri());
        browser.loggedInAs("bo");
        assertThat(browser.postJson(complete, approval, false).statusCode()).isEqualTo(403);
        assertThat(tasks("bo", caseId)).extracting(task -> task.get("id")).containsExactly(taskId);

        // The refused call ended the session; bo logs in again and completes the task as Tasklist does.
        browser.loggedInAs("bo");
        assertThat(browser.postJson(complete, approval, true).statusCode()).isEqualTo(204);
        CaseView done = awaitCompleted(caseId);
        assertThat(done.outcome()).isEqualTo("PAID");
        assertThat(done.result()).containsEntry("approvedBy", List.of("bo"));
    }
}
