package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.intake.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/** Deployment as Camunda Modeler does it: POST /engine-rest/deployment/create, as the process owner. */
class ProcessOwnerDeploymentTest extends IntegrationTestCase {

    @Test
    void aProcessOwnerDeploysAChangedDecisionTableAndTheNextCaseFollowsIt() throws Exception {
        String lowered = resource("/invoice-payout-approvals.dmn").replace("&gt; 10000", "&gt; 5000");
        ResponseEntity<String> deployed = deploy("procesejer", "invoice-payout-approvals.dmn", lowered);
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        String deploymentId = new ObjectMapper().readTree(deployed.getBody()).get("id").asText();
        try {
            CaseView payout = createCase("invoice-payouts", Map.of("serviceNowRef", newServiceNowRef("RITM"), "debtorNumber", "100234",
                    "payee", "Jens Hansen", "amount", 6000.00, "reason", "Lavere grænse", "requestedBy", "anna")).getBody();
            CaseView waiting = awaitStep(payout.caseId(), "Godkend udbetaling");
            assertThat(waiting.result()).containsEntry("approvalsRequired", java.util.List.of("debitor-godkendere"));
        } finally {
            as("demo").exchange("/engine-rest/deployment/" + deploymentId + "?cascade=true", HttpMethod.DELETE, null, String.class);
        }
    }

    @Test
    void serviceNowCannotDeploy() throws Exception {
        ResponseEntity<String> refused = deploy("servicenow", "invoice-payout-approvals.dmn", resource("/invoice-payout-approvals.dmn"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> deploy(String user, String fileName, String content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "Procesejer: " + fileName);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProcessOwnerDeploymentTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
