package dk.kk.ks.flow.processowners;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * A changed diagram reaches running cases on purpose: two payouts started on one version wait for their approvals, a
 * second version is deployed, a dry run lists them as movable and changes nothing, the move takes them to the second
 * version, and they finish there. The four-eyes facts are keyed on the case, so they survive the move: the approver of
 * the first approval still cannot give the second.
 */
class MigrationTest extends IntegrationTestCase {

    private static final String URL = "/api/v1/process-owners/migrations/invoice-payouts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Migrations migrations;

    @Test
    void casesStartedOnVersion1MoveToVersion2AndFinishThere() throws IOException {
        ProcessDefinition version1 = latest();
        String approvedOnce = payout();
        String waiting = payout();
        awaitStep(approvedOnce, "Godkend udbetaling");
        awaitStep(waiting, "Godkend udbetaling");
        completeFirstTask("bo", approvedOnce, Map.of("approved", true));
        awaitCase(approvedOnce, view -> tasks("demo", approvedOnce).stream().anyMatch(task -> !"bo".equals(task.get("assignee"))));

        String deployment = deployVersion2();
        try {
            ProcessDefinition version2 = latest();
            assertThat(version2.getVersion()).isGreaterThan(version1.getVersion());

            JsonNode dryRun = post(URL);
            assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
            assertThat(dryRun.path("targetVersion").asInt()).isEqualTo(version2.getVersion());
            JsonNode fromVersion1 = source(dryRun, version1.getVersion());
            assertThat(texts(fromVersion1.path("moved"))).contains(approvedOnce, waiting);
            assertThat(definitionOf(approvedOnce)).as("a dry run changes nothing").isEqualTo(version1.getId());
            assertThat(definitionOf(waiting)).isEqualTo(version1.getId());

            JsonNode moved = post(URL + "?dryRun=false");
            assertThat(moved.path("dryRun").asBoolean()).isFalse();
            assertThat(texts(source(moved, version1.getVersion()).path("moved"))).contains(approvedOnce, waiting);
            assertThat(definitionOf(approvedOnce)).isEqualTo(version2.getId());
            assertThat(definitionOf(waiting)).isEqualTo(version2.getId());

            // Bo gave the first approval before the move; the second is still not his.
            String secondApproval = (String) tasks("demo", approvedOnce).get(0).get("id");
            assertThat(completeTask("bo", secondApproval, Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            completeFirstTask("demo", approvedOnce, Map.of("approved", true));
            completeFirstTask("bo", waiting, Map.of("approved", true));
            awaitCase(waiting, view -> !tasks("demo", waiting).isEmpty());
            completeFirstTask("demo", waiting, Map.of("approved", true));

            for (String caseId : List.of(approvedOnce, waiting)) {
                CaseView done = awaitCompleted(caseId);
                assertThat(done.outcome()).isEqualTo("PAID");
                assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult()
                        .getProcessDefinitionId()).as("finished on version 2").isEqualTo(version2.getId());
            }
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    /** A case waiting in a step the new version no longer has stays where it is, and the dry run says why. */
    @Test
    void aCaseInAStepTheNewVersionLacksStaysAndTheDryRunSaysWhy() {
        String key = "migration-test-" + Long.toString(System.nanoTime(), 36);
        String version1 = repositoryService.createDeployment().addString("v1.bpmn", waitingIn(key, "Task_Wait")).deploy().getId();
        String version2 = null;
        try {
            String caseId = runtimeService.startProcessInstanceByKey(key).getId();
            version2 = repositoryService.createDeployment().addString("v2.bpmn", waitingIn(key, "Task_Other")).deploy().getId();

            Migrations.Report report = migrations.migrate("test", key, true);

            assertThat(report.sources()).hasSize(1);
            Migrations.Source source = report.sources().get(0);
            assertThat(source.version()).isEqualTo(1);
            assertThat(source.moved()).isEmpty();
            assertThat(source.notMoved()).extracting(Migrations.NotMoved::caseId).containsExactly(caseId);
            assertThat(source.notMoved().get(0).reasons()).containsExactly(
                    "Sagen står ved trinnet Task_Wait, som ikke findes i den nye version (samme id)");
            assertThat(migrations.migrate("test", key, false).sources().get(0).notMoved()).hasSize(1);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId())
                    .contains(":1:");
        } finally {
            repositoryService.deleteDeployment(version1, true);
            if (version2 != null) {
                repositoryService.deleteDeployment(version2, true);
            }
        }
    }

    private static String waitingIn(String key, String activityId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="d" targetNamespace="http://ksflow.test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="%s"/>
                    <bpmn:receiveTask id="%s" name="Vent"/>
                    <bpmn:sequenceFlow id="F2" sourceRef="%s" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, activityId, activityId, activityId);
    }

    @Test
    void onlyProcessOwnersMayMoveCasesAndOnlyOfKnownCaseTypes() {
        for (String user : List.of("bo", "servicenow", "chef")) {
            assertProblem(as(user).exchange(URL, HttpMethod.POST, HttpEntity.EMPTY, String.class), 403);
        }
        assertProblem(http.exchange(URL, HttpMethod.POST, HttpEntity.EMPTY, String.class), 401);
        assertProblem(as("procesejer").exchange("/api/v1/process-owners/migrations/ukendt", HttpMethod.POST, HttpEntity.EMPTY,
                String.class), 404);
        assertProblem(as("procesejer").exchange(URL + "?dryRun=maaske", HttpMethod.POST, HttpEntity.EMPTY, String.class), 400);
    }

    private JsonNode post(String url) throws IOException {
        ResponseEntity<String> response = as("procesejer").exchange(url, HttpMethod.POST, HttpEntity.EMPTY, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private static JsonNode source(JsonNode report, int version) {
        for (JsonNode source : report.path("sources")) {
            if (source.path("version").asInt() == version) {
                return source;
            }
        }
        throw new AssertionError("No cases of version " + version + " in " + report);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private String definitionOf(String caseId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId();
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("invoice-payout").latestVersion().singleResult();
    }

    /** The shipped diagram with another name, as a process owner deploys it from Modeler: with the forms it binds. */
    private String deployVersion2() throws IOException {
        String diagram = Files.readString(Path.of("processes", "invoice-payout.bpmn"), StandardCharsets.UTF_8)
                .replaceFirst("(<bpmn:process id=\"invoice-payout\" name=\")([^\"]*)\"", "$1$2 – version 2\"");
        DeploymentBuilder deployment = repositoryService.createDeployment().name("Procesejer: version 2").addString("invoice-payout.bpmn", diagram);
        Matcher forms = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(diagram);
        while (forms.find()) {
            String form = forms.group(1) + ".form";
            deployment.addString(form, Files.readString(Path.of("forms", form), StandardCharsets.UTF_8));
        }
        return deployment.deploy().getId();
    }

    private String payout() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceNowRef", newServiceNowRef("RITM"));
        body.put("debtorNumber", "100234");
        body.put("payee", "Jens Hansen");
        body.put("amount", 300000.00);
        body.put("reason", "Flyt til ny version");
        body.put("requestedBy", "anna");
        return createCase("invoice-payouts", body).getBody().caseId();
    }
}
