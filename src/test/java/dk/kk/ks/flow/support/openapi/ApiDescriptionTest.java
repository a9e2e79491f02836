package dk.kk.ks.flow.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.CaseTypes;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * The API description at /v3/api-docs, as a client generator reads it: what made generated clients fail before
 * (an untyped result, enum values listed twice, generated method names, undeclared refusals) cannot come back.
 * That clients generated from it work is GeneratedClientTest's part ({@code mvn test -Pclient}).
 */
class ApiDescriptionTest extends IntegrationTestCase {

    private static final Set<String> OPERATION_IDS = Set.of("createInvoicePayout", "createTimesheet", "createResignation",
            "createDismissal", "createServiceContractRegulation", "createPosting", "createPaymentCard", "getCase",
            "findCasesByServiceNowRef", "replyToHearing", "calculateTimesheet", "calculateNotice", "getHolidays", "getBenefits",
            "tryDecision", "migrateCases", "getWaitingTimes");

    @Autowired
    CaseTypes caseTypes;

    private ApiDescription description;
    private JsonNode schemas;

    @BeforeEach
    void readTheDescription() throws IOException {
        description = new ApiDescription(new ObjectMapper().readTree(http.getForObject("/v3/api-docs", String.class)));
        schemas = description.root().path("components").path("schemas");
    }

    @Test
    void isOpenApi30WithMeaningfulOperationIds() {
        assertThat(description.root().path("openapi").asText()).startsWith("3.0");
        assertThat(description.operations()).extracting(ApiDescription.Operation::id).containsExactlyInAnyOrderElementsOf(OPERATION_IDS);
        assertThat(description.operations()).allSatisfy(operation ->
                assertThat(operation.node().path("summary").asText()).as(operation.id()).isNotBlank().doesNotContain(" a invoice"));
    }

    @Test
    void aCaseViewIsTypedPerCaseTypeBySelectingOnCaseType() {
        JsonNode caseView = schemas.path("CaseView");
        assertThat(caseView.path("discriminator").path("propertyName").asText()).isEqualTo("caseType");
        assertThat(caseView.path("oneOf")).hasSize(caseTypes.all().size());
        for (CaseType<?> caseType : caseTypes.all()) {
            JsonNode schema = schemaAt(caseView.path("discriminator").path("mapping").path(caseType.name()));
            assertThat(schema.path("required")).extracting(JsonNode::asText).as(caseType.name())
                    .containsExactlyInAnyOrder("caseId", "caseType", "serviceNowRef", "status", "currentSteps", "outcome", "reasons", "result");
            JsonNode properties = schema.path("properties");
            assertThat(texts(properties.at("/caseType/enum"))).containsExactly(caseType.name());
            assertThat(properties.at("/outcome/nullable").asBoolean()).isTrue();
            assertThat(texts(properties.at("/outcome/enum"))).containsExactlyElementsOf(caseType.outcomes());
            assertThat(texts(properties.at("/reasons/items/enum"))).containsAll(caseType.reasonCodes());
            JsonNode result = description.resolve(properties.path("result"));
            assertThat(result.path("type").asText()).isEqualTo("object");
            assertThat(result.has("additionalProperties")).as(caseType.name() + ": result is a schema of its own, not a map").isFalse();
            assertThat(description.validate(schema.path("example"), schema)).as(caseType.name() + "'s example").isEmpty();
        }
        assertThat(texts(schemas.at("/CaseStatus/enum"))).containsExactly("ACTIVE", "COMPLETED", "INCIDENT");
        JsonNode payout = schemaAt(schemas.at("/CaseView/discriminator/mapping/invoice-payouts"));
        assertThat(description.validate(new ObjectMapper().valueToTree(Map.of("approvalsRequired", List.of("debitor-godkendere"),
                "approvedBy", List.of())), payout.at("/properties/result"))).isEmpty();
    }

    @Test
    void noEnumListsAValueTwice() {
        List<String> repeated = new ArrayList<>();
        description.root().findParents("enum").forEach(parent -> {
            Set<String> seen = new HashSet<>();
            parent.get("enum").forEach(value -> {
                if (!seen.add(value.asText())) {
                    repeated.add(value.asText() + " in " + parent);
                }
            });
        });
        assertThat(repeated).isEmpty();
    }

    @Test
    void everyRefusalIsATypedProblemAndEveryOperationDeclaresItsOwn() {
        for (ApiDescription.Operation operation : description.operations()) {
            JsonNode responses = operation.node().path("responses");
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as(operation.id() + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                    JsonNode example = response.getValue().at("/content/application~1problem+json/example");
                    assertThat(description.validate(example, schemas.path("Problem"))).as(operation.id() + " " + response.getKey()).isEmpty();
                }
            });
            assertThat(responses.has("401") && responses.has("403")).as(operation.id()).isTrue();
            assertThat(operation.node().path("x-ksflow-groups")).as(operation.id()).isNotEmpty();
            if (operation.node().has("requestBody")) {
                assertThat(responses.has("400") && responses.has("413") && responses.has("415")).as(operation.id()).isTrue();
            }
        }
        assertThat(description.operation("getCase").response(404)).isPresent();
        assertThat(description.operation("findCasesByServiceNowRef").response(400)).isPresent();
        assertThat(description.operation("replyToHearing").response(404)).isPresent();
        assertThat(description.operation("replyToHearing").response(409)).isPresent();
        assertThat(description.operation("createInvoicePayout").response(409)).isPresent();

        JsonNode problem = schemas.path("Problem");
        assertThat(problem.at("/properties/status/type").asText()).isEqualTo("integer");
        assertThat(problem.at("/properties/instance/type").asText()).isEqualTo("string");
        assertThat(description.resolve(problem.at("/properties/errors/items")).path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("field", "message");
    }

    @Test
    void requestsStateWhatTheServerEnforces() {
        JsonNode payout = schemas.path("InvoicePayoutRequest").path("properties");
        assertThat(payout.at("/amount/minimum").decimalValue()).isZero();
        assertThat(payout.at("/amount/exclusiveMinimum").asBoolean()).as("the server requires more than 0").isTrue();
        assertThat(payout.at("/payee/minLength").asInt()).isEqualTo(1);
        assertThat(payout.at("/payee/pattern").asText()).as("blank is refused").isNotBlank();
        assertThat(payout.at("/payee/maxLength").asInt()).isEqualTo(200);
        assertThat(schemas.at("/TimesheetLine/properties/start/pattern").asText()).isNotBlank();

        JsonNode year = description.operation("getHolidays").node().path("parameters").get(0).path("schema");
        assertThat(year.path("minimum").asInt()).isEqualTo(1900);
        assertThat(year.path("maximum").asInt()).isEqualTo(2200);

        JsonNode benefits = description.operation("getBenefits").node();
        JsonNode format = null;
        for (JsonNode parameter : benefits.path("parameters")) {
            if (parameter.path("name").asText().equals("format")) {
                format = parameter.path("schema");
            }
        }
        assertThat(texts(format.path("enum"))).containsExactly("json", "csv");
        assertThat(benefits.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/BenefitsReport");
        assertThat(benefits.at("/responses/200/content/text~1csv/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void everyRequestAndAnswerHasAnExampleThatFitsItsSchema() {
        for (ApiDescription.Operation operation : description.operations()) {
            List<JsonNode> media = new ArrayList<>();
            operation.node().path("requestBody").path("content").forEach(media::add);
            operation.node().path("responses").forEach(response -> response.path("content").forEach(media::add));
            for (JsonNode type : media) {
                assertThat(type.has("example") || type.has("examples")).as(operation.id() + ": " + type).isTrue();
                if (type.has("example") && !type.at("/schema/type").asText().equals("string")) {
                    assertThat(description.validate(type.get("example"), type.get("schema"))).as(operation.id()).isEmpty();
                }
            }
        }
    }

    /**
     * The outcomes and reason codes the diagrams and decision tables write are declared by their case type; a
     * code that is not would reach a generated client as an unknown value.
     */
    @Test
    void theCodesTheDiagramsWriteAreDeclared() throws IOException {
        for (CaseType<?> caseType : caseTypes.all()) {
            String bpmn = Files.readString(Path.of("processes", caseType.processKey() + ".bpmn"));
            assertThat(caseType.outcomes()).as(caseType.name()).containsAll(literals(bpmn,
                    "<camunda:outputParameter name=\"outcome\">([A-Z_]+)</camunda:outputParameter>"));
            Set<String> reasons = literals(bpmn, "<camunda:outputParameter name=\"rejectionReason\">([A-Z_]+)</camunda:outputParameter>");
            Matcher lists = Pattern.compile("<camunda:outputParameter name=\"reasons\">(.*?)</camunda:outputParameter>", Pattern.DOTALL)
                    .matcher(bpmn);
            while (lists.find()) {
                reasons.addAll(literals(lists.group(1), "<camunda:value>([A-Z_]+)</camunda:value>"));
            }
            assertThat(caseType.reasonCodes()).as(caseType.name()).containsAll(reasons);
        }
        String triage = Files.readString(Path.of("processes", "resignation-triage.dmn"));
        Set<String> triageReasons = literals(triage, "<outputEntry id=\"LiteralExpression_[a-z]+_reason\"><text>\"([A-Z_]+)\"</text>");
        assertThat(triageReasons).isNotEmpty();
        assertThat(caseTypes.byName("resignations").orElseThrow().reasonCodes()).containsAll(triageReasons);
    }

    /** The schema a discriminator's mapping names. */
    private JsonNode schemaAt(JsonNode ref) {
        assertThat(ref.asText()).startsWith("#/components/schemas/");
        return schemas.path(ref.asText().substring("#/components/schemas/".length()));
    }

    private static Set<String> literals(String text, String regex) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
