package dk.kk.ks.flow.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * ServiceNow's team generates a client from the live API description and uses it unedited: a Java client
 * (openapi-generator, library "native") is generated from this application's /v3/api-docs, compiled, and drives one
 * case of each type (create 201, retry 200, changed retry 409, read by id and by serviceNowRef, a bad body 400 naming
 * the fields) and the other operations. Last, every answer the API gave in this JVM (this test's, and those of the
 * other API tests the {@code client} profile runs first) is held against the description: its status declared for
 * the operation, its media type declared, its body valid for the schema (strictly: no undeclared property) and
 * readable by the generated client. A description that drifts from the server fails here.
 *
 * <p>Runs with {@code mvn test -Pclient}, which runs this class after those API tests (classes in alphabetical order;
 * this one is in the support package) and records the API's answers (RecordedAnswers); generated sources and classes
 * go to target/openapi/.
 */
@Tag("client")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientTest extends IntegrationTestCase {

    /** A change to each case type's example that makes it another body for the same serviceNowRef. */
    private static final Map<String, Consumer<ObjectNode>> CHANGES = Map.of(
            "createInvoicePayout", body -> body.put("amount", 12600.00),
            "createTimesheet", body -> ((ObjectNode) body.withArray("lines").get(0)).put("kind", "OVERTIME"),
            "createResignation", body -> body.put("lastWorkingDay", "2027-06-30"),
            "createDismissal", body -> body.put("reasonText", "Anden begrundelse"),
            "createServiceContractRegulation", body -> body.put("reason", "Flere medarbejdere"),
            "createPosting", body -> body.put("description", "Omkontering af el"),
            "createPaymentCard", body -> body.put("monthlyLimit", 15000));

    private static final Path FOLDER = Path.of("target", "openapi");
    private static GeneratedClient client;
    private static ApiDescription description;

    @Test
    @Order(1)
    void aJavaClientGeneratedFromTheLiveDescriptionCompiles() throws Exception {
        String docs = http.getForObject("/v3/api-docs", String.class);
        description = new ApiDescription(new ObjectMapper().readTree(docs));
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve("api-docs.json");
        Files.writeString(file, docs);
        String jar = System.getProperty("openapi.generator.jar");
        assertThat(jar).as("the path of openapi-generator-cli (mvn test -Pclient sets openapi.generator.jar)").isNotBlank();
        client = GeneratedClient.generate(Path.of(jar), file, FOLDER.resolve("java-client"));
        assertThat(client.model("CaseView")).isNotNull();
    }

    @Test
    @Order(2)
    void theGeneratedClientCreatesAndReadsACaseOfEachType() throws Exception {
        Object apiClient = client.apiClient(http.getRootUri(), "servicenow");
        ObjectMapper mapper = client.mapper(apiClient);
        Object cases = client.api("Cases", apiClient);
        List<ApiDescription.Operation> creations = description.operations().stream()
                .filter(operation -> operation.id().startsWith("create")).toList();
        assertThat(creations).extracting(ApiDescription.Operation::id).containsExactlyInAnyOrderElementsOf(CHANGES.keySet());

        for (ApiDescription.Operation creation : creations) {
            String caseType = creation.path().substring("/api/v1/".length());
            JsonNode requestSchema = creation.node().at("/requestBody/content/application~1json");
            Class<?> requestType = client.model(schemaName(requestSchema.path("schema")));
            String caseSchema = schemaName(creation.node().at("/responses/201/content/application~1json/schema"));
            String ref = newServiceNowRef("RITM");
            ObjectNode body = ((ObjectNode) requestSchema.path("example").deepCopy()).put("serviceNowRef", ref);

            GeneratedClient.Call created = client.call(cases, creation.id(), mapper.treeToValue(body, requestType));
            assertThat(created.status()).as(creation.id() + ": " + created.responseBody()).isEqualTo(201);
            assertThat(created.data().getClass().getSimpleName()).isEqualTo(caseSchema);
            assertThat(GeneratedClient.get(created.data(), "caseType")).isEqualTo(caseType);
            assertThat(GeneratedClient.get(created.data(), "serviceNowRef")).isEqualTo(ref);
            Object caseId = GeneratedClient.get(created.data(), "caseId");

            GeneratedClient.Call retry = client.call(cases, creation.id(), mapper.treeToValue(body, requestType));
            assertThat(retry.status()).as(creation.id() + " again").isEqualTo(200);
            assertThat(GeneratedClient.get(retry.data(), "caseId")).isEqualTo(caseId);

            ObjectNode changed = body.deepCopy();
            CHANGES.get(creation.id()).accept(changed);
            GeneratedClient.Call conflict = client.call(cases, creation.id(), mapper.treeToValue(changed, requestType));
            assertThat(conflict.status()).as(creation.id() + " changed").isEqualTo(409);
            assertThat(GeneratedClient.get(mapper.readValue(conflict.responseBody(), client.model("Problem")), "status")).isEqualTo(409);

            GeneratedClient.Call read = client.call(cases, "getCase", caseId);
            assertThat(read.status()).isEqualTo(200);
            Object instance = GeneratedClient.actualInstance(read.data());
            assertThat(instance.getClass().getSimpleName()).as("getCase of a " + caseType + " case").isEqualTo(caseSchema);
            assertThat(GeneratedClient.get(instance, "caseId")).isEqualTo(caseId);

            GeneratedClient.Call found = client.call(cases, "findCasesByServiceNowRef", ref);
            assertThat(found.status()).isEqualTo(200);
            List<Object> views = GeneratedClient.list(found.data());
            assertThat(views).hasSize(1);
            assertThat(GeneratedClient.get(GeneratedClient.actualInstance(views.get(0)), "caseId")).isEqualTo(caseId);

            // A bad body: a serviceNowRef that breaks the pattern and a required field missing; both are named.
            String missing = firstRequiredOtherThanServiceNowRef(requestSchema.path("schema"));
            ObjectNode bad = body.deepCopy().put("serviceNowRef", "not-a-record");
            bad.remove(missing);
            GeneratedClient.Call refused = client.call(cases, creation.id(), mapper.treeToValue(bad, requestType));
            assertThat(refused.status()).as(creation.id() + " with a bad body").isEqualTo(400);
            JsonNode problem = mapper.readTree(refused.responseBody());
            assertThat(problem.get("errors").findValuesAsText("field")).contains("serviceNowRef", missing);
        }
    }

    @Test
    @Order(3)
    void theGeneratedClientCallsTheOtherOperations() throws Exception {
        Object apiClient = client.apiClient(http.getRootUri(), "servicenow");
        ObjectMapper mapper = client.mapper(apiClient);
        Object cases = client.api("Cases", apiClient);

        assertThat(client.call(cases, "getCase", "no-such-case").status()).isEqualTo(404);
        assertThat(client.call(client.api("Cases", client.apiClient(http.getRootUri(), null)), "getCase", "no-such-case").status())
                .as("without credentials").isEqualTo(401);

        Object timesheets = client.api("Timesheets", apiClient);
        GeneratedClient.Call calculation = client.call(timesheets, "calculateTimesheet", example(mapper, "calculateTimesheet"));
        assertThat(calculation.status()).as(String.valueOf(calculation.responseBody())).isEqualTo(200);
        assertThat(GeneratedClient.list(GeneratedClient.get(calculation.data(), "lines"))).isNotEmpty();

        Object dismissals = client.api("Dismissals", apiClient);
        GeneratedClient.Call notice = client.call(dismissals, "calculateNotice", example(mapper, "calculateNotice"));
        assertThat(notice.status()).isEqualTo(200);
        assertThat(GeneratedClient.get(notice.data(), "seniority")).isEqualTo("P2Y9M26D");
        Object reply = example(mapper, "replyToHearing");
        assertThat(client.call(dismissals, "replyToHearing", "no-such-case", reply).status()).isEqualTo(404);
        JsonNode payout = description.operation("createInvoicePayout").node().at("/requestBody/content/application~1json/example");
        String waitsForNoReply = http.withBasicAuth("servicenow", "servicenow").postForObject("/api/v1/invoice-payouts",
                ((ObjectNode) payout.deepCopy()).put("serviceNowRef", newServiceNowRef("RITM")), JsonNode.class).get("caseId").asText();
        assertThat(client.call(dismissals, "replyToHearing", waitsForNoReply, reply).status()).isEqualTo(409);

        Object calendar = client.api("Calendar", apiClient);
        GeneratedClient.Call holidays = client.call(calendar, "getHolidays", 2027);
        assertThat(holidays.status()).isEqualTo(200);
        assertThat(GeneratedClient.list(holidays.data())).isNotEmpty();
        assertThat(client.call(calendar, "getHolidays", 1899).status()).isEqualTo(400);

        Object benefits = client.api("Benefits", client.apiClient(http.getRootUri(), "chef"));
        assertThat(client.call(benefits, "getBenefits", null, null, "json").status()).isEqualTo(200);
        assertThat(client.call(benefits, "getBenefits", null, null, "xml").status()).as("an unknown format").isEqualTo(400);
        assertThat(client.call(client.api("Benefits", apiClient), "getBenefits", null, null, null).status())
                .as("servicenow may not read the benefits report").isEqualTo(403);
    }

    @Test
    @Order(4)
    void everyAnswerTheApiGaveIsDeclaredAndReadableByTheGeneratedClient() throws Exception {
        ObjectMapper mapper = client.mapper(client.apiClient(http.getRootUri(), null));
        List<RecordedAnswers.Answer> answers = RecordedAnswers.all();
        Set<String> findings = new TreeSet<>();
        Set<String> answered = new LinkedHashSet<>();
        Map<String, Set<Integer>> statuses = new LinkedHashMap<>();
        for (RecordedAnswers.Answer answer : answers) {
            ApiDescription.Operation operation = description.operationFor(answer.method(), answer.path()).orElse(null);
            if (operation == null) {
                continue; // e.g. POST /api/v1/coffee-orders: no operation, nothing a client could call
            }
            String call = answer.method() + " " + answer.path() + " (" + operation.id() + ") answered " + answer.status();
            answered.add(operation.id());
            statuses.computeIfAbsent(operation.id(), id -> new TreeSet<>()).add(answer.status());
            if (operation.response(answer.status()).isEmpty()) {
                findings.add(call + ", which the description does not declare");
                continue;
            }
            if (answer.body() == null || answer.body().isEmpty()) {
                continue;
            }
            MediaType contentType = answer.contentType() == null ? null : MediaType.parseMediaType(answer.contentType());
            JsonNode schema = description.answerSchema(operation, answer.status(), contentType).orElse(null);
            if (schema == null) {
                findings.add(call + " as " + contentType + ", which the description does not declare for it");
                continue;
            }
            if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)
                    && !MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(contentType)) {
                continue;
            }
            JsonNode body = mapper.readTree(answer.body());
            description.validate(body, schema).forEach(finding -> findings.add(call + ": " + finding));
            String unreadable = unreadable(mapper, body, schema);
            if (unreadable != null) {
                findings.add(call + ": the generated client cannot read it: " + unreadable);
            }
        }
        assertThat(findings).as("answers that differ from the description (statuses answered per operation: " + statuses + ")")
                .isEmpty();
        List<String> unexercised = new ArrayList<>(description.operations().stream().map(ApiDescription.Operation::id).toList());
        unexercised.removeAll(answered);
        // The process owners' operations (a person's tools, not ServiceNow's) are called by WhatIfTest,
        // WaitingTimesTest and MigrationTest in mvn test, not by this run of ServiceNow's case types.
        unexercised.removeAll(List.of("tryDecision", "getWaitingTimes", "migrateCases"));
        assertThat(unexercised).as("operations no test called, so whose answers were not checked").isEmpty();
    }

    /** Null when the generated model of the schema reads the body; else why not. */
    private String unreadable(ObjectMapper mapper, JsonNode body, JsonNode schema) {
        try {
            if ("array".equals(schema.path("type").asText())) {
                Class<?> item = client.model(schemaName(schema.path("items")));
                mapper.readerForListOf(item).readValue(body);
            } else if (schema.has("$ref")) {
                mapper.treeToValue(body, client.model(schemaName(schema)));
            }
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private Object example(ObjectMapper mapper, String operationId) throws Exception {
        JsonNode media = description.operation(operationId).node().at("/requestBody/content/application~1json");
        return mapper.treeToValue(media.path("example"), client.model(schemaName(media.path("schema"))));
    }

    private static String schemaName(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        assertThat(ref).as("a $ref to a named schema: " + schema).startsWith("#/components/schemas/");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private String firstRequiredOtherThanServiceNowRef(JsonNode schema) {
        for (JsonNode required : description.resolve(schema).path("required")) {
            if (!required.asText().equals("serviceNowRef")) {
                return required.asText();
            }
        }
        throw new AssertionError("A request with no required field but serviceNowRef: " + schema);
    }
}
