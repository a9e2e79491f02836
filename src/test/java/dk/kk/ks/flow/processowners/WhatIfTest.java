package dk.kk.ks.flow.processowners;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.platform.deployment.DeploymentRules;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.ManualClock;
import dk.kk.ks.flow.support.TestClock;

/**
 * A changed decision table tried on real history before it goes live: the payout table with its threshold raised from
 * 10,000 to 20,000 kr, after payouts of 5,000, 15,000 and 25,000 kr, changes exactly the 15,000 case. A candidate that
 * breaks a rule, does not parse, lacks the decision, reads a file through an entity or is too large is refused in
 * Danish; only process owners may try one.
 */
class WhatIfTest extends IntegrationTestCase {

    private static final String DECISION = "invoice-payout-approvals";
    private static final String URL = "/api/v1/decisions/" + DECISION + "/what-if";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    DeploymentRules rules;

    private final List<String> cases = new ArrayList<>();

    @AfterEach
    void removeTheCases() {
        TestClock.resetEngineClock();
        for (String caseId : cases) {
            // A payout's job may be running meanwhile (Opus registration): try again until the delete is not in its way.
            await().atMost(CASE_TIMEOUT).ignoreException(OptimisticLockingException.class).until(() -> {
                if (runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
                    runtimeService.deleteProcessInstance(caseId, "what-if test", true, true);
                }
                return true;
            });
        }
        if (!cases.isEmpty()) {
            historyService.deleteHistoricProcessInstancesIfExists(cases);
        }
    }

    @Test
    void raisingTheThresholdTo20000ChangesExactlyThe15000Payout() throws IOException {
        // The payouts are evaluated at a moment of their own (700 days back), so the window holds them and nothing else.
        Instant evaluatedAt = TestClock.now().minus(Duration.ofDays(700));
        ClockUtil.setCurrentTime(Date.from(evaluatedAt));
        String small = payout(5000.00);
        String middle = payout(15000.00);
        String large = payout(25000.00);
        TestClock.resetEngineClock();
        for (String caseId : List.of(small, middle, large)) {
            assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DECISION).processInstanceId(caseId).count())
                    .isEqualTo(1);
        }

        WhatIf whatIf = new WhatIf(historyService, repositoryService, rules, new ManualClock(evaluatedAt.plus(Duration.ofMinutes(10))), 10_000);
        WhatIf.Answer answer = whatIf.evaluate(DECISION, candidate("&gt; 20000"), 1);

        assertThat(answer.evaluated()).isEqualTo(3);
        assertThat(answer.changed()).isEqualTo(1);
        assertThat(answer.skipped()).isZero();
        assertThat(answer.examples()).hasSize(1);
        WhatIf.Example example = answer.examples().get(0);
        assertThat(example.caseId()).isEqualTo(middle);
        assertThat(example.serviceNowRef()).startsWith("RITM");
        assertThat(example.inputs()).containsEntry("amount", 15000.0);
        assertThat(example.before()).containsExactly(Map.of("approverGroup", "debitor-godkendere"));
        assertThat(example.after()).isEmpty();

        // The deployed table itself changes nothing.
        assertThat(whatIf.evaluate(DECISION, candidate("&gt; 10000"), 1).changed()).isZero();
    }

    @Test
    void aProcessOwnerGetsTheAnswerAsJson() throws IOException {
        payout(15000.00);
        ResponseEntity<String> response = as("procesejer").exchange(URL + "?days=1", HttpMethod.POST, xml(candidate("&gt; 20000")), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode answer = JSON.readTree(response.getBody());
        assertThat(answer.path("decisionKey").asText()).isEqualTo(DECISION);
        assertThat(answer.path("evaluated").asLong()).isPositive();
        assertThat(answer.path("changed").asLong()).isPositive();
        assertThat(answer.path("examples").size()).isBetween(1, 20);
        assertThat(answer.path("examples").findValuesAsText("caseId")).contains(cases.get(0));
    }

    @Test
    void aBrokenCandidateIsRefusedInDanishNamingTheProblem() throws IOException {
        assertThat(refusal(xml("ikke en tabel".getBytes(StandardCharsets.UTF_8)), 400)).contains("kan ikke læses");
        byte[] otherDecision = new String(candidate("&gt; 20000"), StandardCharsets.UTF_8)
                .replace("id=\"invoice-payout-approvals\"", "id=\"en-anden-beslutning\"").getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(xml(otherDecision), 400)).contains("ingen beslutning med id «invoice-payout-approvals»", "en-anden-beslutning");
        byte[] notDmn = new String(candidate("&gt; 20000"), StandardCharsets.UTF_8).replace("<decisionTable", "<decisionTabel")
                .replace("</decisionTable>", "</decisionTabel>").getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(xml(notDmn), 400)).contains("kan ikke læses som en DMN-beslutningstabel");
        byte[] juel = new String(candidate("&gt; 20000"), StandardCharsets.UTF_8)
                .replace("<text>amount</text>", "<text>${amount}</text>")
                .replace("typeRef=\"double\">", "typeRef=\"double\" expressionLanguage=\"juel\">").getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(xml(juel), 400)).contains("FEEL_ONLY", "juel");
        assertThat(refusal(new HttpEntity<>(candidate("&gt; 20000"), headers(MediaType.APPLICATION_JSON)), 415)).isNotBlank();
        assertThat(as("procesejer").exchange("/api/v1/decisions/ukendt-beslutning/what-if", HttpMethod.POST, xml(candidate("&gt; 1")),
                String.class).getStatusCode().value()).isEqualTo(404);
        for (String days : List.of("0", "731", "mange")) {
            assertProblem(as("procesejer").exchange(URL + "?days=" + days, HttpMethod.POST, xml(candidate("&gt; 1")), String.class), 400);
        }
    }

    /** A DOCTYPE is refused before any parser could read an external entity: the secret never reaches the answer. */
    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = Files.createTempFile("ksflow-secret", ".txt");
        Files.writeString(secret, "HEMMELIGT-INDHOLD");
        try {
            String xxe = new String(candidate("&gt; 20000"), StandardCharsets.UTF_8)
                    .replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE definitions [<!ENTITY secret SYSTEM \""
                            + secret.toUri() + "\">]>")
                    .replace("\"debitor-godkendere\"", "\"&secret;\"");
            String problem = refusal(xml(xxe.getBytes(StandardCharsets.UTF_8)), 400);
            assertThat(problem).contains("DOCTYPE").doesNotContain("HEMMELIGT");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void aCandidateOverOneMebibyteIsRefusedUnread() {
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertProblem(as("procesejer").exchange(URL, HttpMethod.POST, xml(huge), String.class), 413);
    }

    @Test
    void onlyProcessOwnersMayTryATable() throws IOException {
        for (String user : List.of("bo", "anna", "servicenow", "chef")) {
            JsonNode problem = assertProblem(as(user).exchange(URL, HttpMethod.POST, xml(candidate("&gt; 1")), String.class), 403);
            assertThat(problem.path("status").asInt()).as(user).isEqualTo(403);
        }
        assertProblem(http.exchange(URL, HttpMethod.POST, xml(candidate("&gt; 1")), String.class), 401);
        assertThat(as("bo").getForEntity("/process-owners/what-if", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void thePageUploadsATableAndShowsTheAnswerInDanish() throws IOException {
        payout(15000.00);
        ResponseEntity<String> form = as("procesejer").getForEntity("/process-owners/what-if", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("<html lang=\"da\"", "<label for=\"table\">", "Hvem skal godkende udbetalingen?");

        ResponseEntity<String> answer = upload(candidate("&gt; 20000"), new HttpHeaders());
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("Den nye tabel ændrer resultatet i", cases.get(0), "debitor-godkendere");

        ResponseEntity<String> broken = upload("<definitions/>".getBytes(StandardCharsets.UTF_8), new HttpHeaders());
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody()).contains("role=\"alert\"", "Tabellen kan ikke prøves");

        HttpHeaders crossSite = new HttpHeaders();
        crossSite.set("Sec-Fetch-Site", "cross-site");
        assertThat(upload(candidate("&gt; 20000"), crossSite).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> upload(byte[] table, HttpHeaders headers) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("decisionKey", DECISION);
        form.add("days", "30");
        form.add("table", new ByteArrayResource(table) {
            @Override
            public String getFilename() {
                return "kandidat.dmn";
            }
        });
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("procesejer").exchange("/process-owners/what-if", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private String refusal(HttpEntity<?> body, int status) {
        JsonNode problem = assertProblem(as("procesejer").exchange(URL, HttpMethod.POST, body, String.class), status);
        return problem.path("detail").asText();
    }

    private String payout(double amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", newServiceNowRef("RITM"));
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", amount);
        body.put("reason", "Prøv en tabel");
        body.put("requestedBy", "anna");
        String caseId = createCase("invoice-payouts", body).getBody().caseId();
        cases.add(caseId);
        return caseId;
    }

    /** The shipped payout table with the first threshold (10,000 kr) replaced. */
    private static byte[] candidate(String firstThreshold) throws IOException {
        String table = Files.readString(Path.of("processes", DECISION + ".dmn"), StandardCharsets.UTF_8);
        assertThat(table).contains("&gt; 10000");
        return table.replace("&gt; 10000", firstThreshold).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpEntity<byte[]> xml(byte[] body) {
        return new HttpEntity<>(body, headers(MediaType.APPLICATION_XML));
    }

    private static HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return headers;
    }
}
