package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.platform.deployment.Diagrams;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Deployment as Camunda Modeler does it: POST /engine-rest/deployment/create (multipart), as the process owner. What
 * breaks the deployment rules is refused with 400 and a message that names the file, the element and the rule (Modeler
 * shows it in its deploy dialog), and nothing of it is stored or run.
 */
class ProcessOwnerDeploymentTest extends IntegrationTestCase {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aProcessOwnerCannotMakeThemselvesAdministrator() throws Exception {
        long deployments = deploymentCount();
        ResponseEntity<String> refused = deploy("procesejer", "angreb.bpmn", Diagrams.administratorAttack("procesejer-angreb"));

        assertRefused(refused, "angreb.bpmn", "Task_Attack", "EXPRESSIONS", "'identityService' er ikke en tilladt bean");
        assertNothingDeployed("procesejer-angreb", deployments);
        // The refused diagram's timer would have fired every second: the job executor has nothing to run.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> groupsOf("procesejer"), groups -> !groups.contains(Groups.ADMIN));
    }

    @Test
    void aProcessOwnerCannotRunAShellCommand(@TempDir Path directory) throws Exception {
        Path marker = directory.resolve("angrebet-lykkedes");
        long deployments = deploymentCount();
        ResponseEntity<String> refused = deploy("procesejer", "skal.bpmn", Diagrams.shellAttack("procesejer-skal", "touch " + marker));

        assertRefused(refused, "skal.bpmn", "Task_Attack", "EXPRESSIONS", "metoden getClass() er ikke tilladt");
        assertNothingDeployed("procesejer-skal", deployments);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> !Files.exists(marker));
    }

    static Stream<Arguments> refused() {
        String attack = "${identityService.createMembership('procesejer','camunda-admin')}";
        return Stream.of(
                arguments("a script task", "NO_SCRIPTS", Diagrams.bpmnWithTask("procesejer-afvist", """
                        <bpmn:scriptTask id="Task_X" scriptFormat="groovy">FLOWS<bpmn:script>"id".execute()</bpmn:script></bpmn:scriptTask>""")),
                arguments("a script listener", "NO_SCRIPTS", Diagrams.bpmnWithTask("procesejer-afvist", """
                        <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:executionListener event="start">
                        <camunda:script scriptFormat="juel">%s</camunda:script></camunda:executionListener></bpmn:extensionElements>FLOWS</bpmn:userTask>"""
                        .formatted(attack))),
                arguments("camunda:class", "NO_JAVA_CLASSES", Diagrams.bpmnWithTask("procesejer-afvist", """
                        <bpmn:serviceTask id="Task_X" camunda:class="java.lang.Object">FLOWS</bpmn:serviceTask>""")),
                arguments("an unknown delegate", "KNOWN_DELEGATES", Diagrams.bpmnWithTask("procesejer-afvist", """
                        <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${noSuchDelegate}">FLOWS</bpmn:serviceTask>""")),
                arguments("identityService", "EXPRESSIONS", userTaskAssignedBy(attack)),
                arguments("processEngine", "EXPRESSIONS", userTaskAssignedBy("${processEngine.identityService.createMembership('procesejer','camunda-admin')}")),
                arguments("dataSource", "EXPRESSIONS", userTaskAssignedBy("${dataSource.connection.metaData.URL}")),
                arguments("getClass()", "EXPRESSIONS", userTaskAssignedBy("${assignee.getClass().forName('java.lang.Runtime')}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatBreaksTheRulesIsRefused(String what, String rule, String diagram) throws Exception {
        long deployments = deploymentCount();
        assertRefused(deploy("procesejer", "afvist.bpmn", diagram), "afvist.bpmn", "Task_X", rule, "");
        assertNothingDeployed("procesejer-afvist", deployments);
    }

    /**
     * The hostile review's attack: a new version of the payout whose Opus Debitor step registers a literal amount, while
     * the approver's form shows the case's amount. Refused, and no new version of the payout is stored.
     */
    @Test
    void aProcessOwnerCannotMakeThePayoutRegisterAnotherAmountThanTheApproverSees() throws Exception {
        String amount = "<camunda:inputParameter name=\"amount\">${amount}</camunda:inputParameter>";
        String shipped = resource("/invoice-payout.bpmn");
        assertThat(shipped).contains(amount);
        long deployments = deploymentCount();
        int versions = getList("demo", "/engine-rest/process-definition?key=invoice-payout").size();

        ResponseEntity<String> refused = deploy("procesejer", Map.of(
                "invoice-payout.bpmn", shipped.replace(amount, "<camunda:inputParameter name=\"amount\">250000</camunda:inputParameter>"),
                "invoice-payout-approval.form", resource("/invoice-payout-approval.form")));

        assertRefused(refused, "invoice-payout.bpmn", "Task_RegisterPayout", "MONEY_STEPS",
                "trinnet flytter penge (opusDebitorRegisterConnector), og dets parametre [amount] er ændret");
        assertThat(deploymentCount()).as("no deployment stored").isEqualTo(deployments);
        assertThat(getList("demo", "/engine-rest/process-definition?key=invoice-payout")).hasSize(versions);
    }

    @Test
    void aDiagramBuiltFromConnectorTemplatesIsDeployed() throws Exception {
        // The nightly reconciliation, built only from element templates (ServiceNow query, Opus read) and a form, as a new process.
        String diagram = resource("/robot-resignation-reconciliation.bpmn")
                .replace("id=\"robot-resignation-reconciliation\" name=\"Natlig afstemning af fratrædelser\"", "id=\"procesejer-afstemning\" name=\"Afstemning\"")
                .replace("bpmnElement=\"robot-resignation-reconciliation\"", "bpmnElement=\"procesejer-afstemning\"");
        ResponseEntity<String> deployed = deploy("procesejer", Map.of("afstemning.bpmn", diagram,
                "robot-resignation-reconciliation.form", resource("/robot-resignation-reconciliation.form")));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(deployed.getBody());
        try {
            assertThat(body.get("deployedProcessDefinitions").elements().next().get("key").asText()).isEqualTo("procesejer-afstemning");
        } finally {
            as("demo").exchange("/engine-rest/deployment/" + body.get("id").asText() + "?cascade=true", HttpMethod.DELETE, null, String.class);
        }
    }

    private static String userTaskAssignedBy(String expression) {
        return Diagrams.bpmnWithTask("procesejer-afvist", """
                <bpmn:userTask id="Task_X" camunda:assignee="%s">FLOWS</bpmn:userTask>""".formatted(expression));
    }

    private static void assertRefused(ResponseEntity<String> response, String file, String element, String rule, String problem) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        String message = JSON.readTree(response.getBody()).get("message").asText();
        assertThat(message).startsWith("Deploymentet er afvist: ").contains(file + ", element " + element + ", regel " + rule + ": ").contains(problem);
    }

    private void assertNothingDeployed(String processKey, long deploymentsBefore) {
        assertThat(deploymentCount()).as("no deployment stored").isEqualTo(deploymentsBefore);
        assertThat(getList("demo", "/engine-rest/process-definition?key=" + processKey)).isEmpty();
        assertThat(getList("demo", "/engine-rest/job?processDefinitionKey=" + processKey)).isEmpty();
    }

    private long deploymentCount() {
        try {
            return JSON.readTree(as("demo").getForObject("/engine-rest/deployment/count", String.class)).get("count").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> groupsOf(String user) {
        return getList("demo", "/engine-rest/group?member=" + user).stream().map(group -> (String) group.get("id")).toList();
    }

    private ResponseEntity<String> deploy(String user, String fileName, String content) {
        return deploy(user, Map.of(fileName, content));
    }

    /** As Camunda Modeler sends it: the deployment's name and source, and each file as a part with its file name. */
    private ResponseEntity<String> deploy(String user, Map<String, String> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "Procesejer: " + String.join(", ", files.keySet()));
        parts.add("deployment-source", "Camunda Modeler");
        files.forEach((fileName, content) -> parts.add(fileName, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }));
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
