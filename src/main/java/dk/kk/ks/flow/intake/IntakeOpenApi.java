package dk.kk.ks.flow.intake;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of the intake API. Case creation is one generic endpoint in code; here it
 * is described once per case type, with that type's request schema, so ServiceNow developers can
 * generate their REST messages from /v3/api-docs.
 */
@Configuration
class IntakeOpenApi {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI ksFlowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("KS Flow intake API").version("v1")
                        .description("Cases from ServiceNow to KS Flow (Koncernservice, Københavns Kommune). HTTP Basic; "
                                + "errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer caseTypeEndpoints(CaseTypes caseTypes) {
        return openApi -> {
            Components components = openApi.getComponents();
            addSchemas(components, CaseView.class);
            components.addSchemas(PROBLEM, problemSchema());
            for (CaseType<?> caseType : caseTypes.all()) {
                addSchemas(components, caseType.requestType());
                openApi.path("/api/v1/" + caseType.name(), new PathItem().post(createOperation(caseType)));
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(IntakeOpenApi::addRefusals);
                }
            });
        };
    }

    /** The refusals every operation of the API shares: 401 and 403, and 415 where a JSON body is read. */
    private static void addRefusals(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.putIfAbsent("401", problem("No credentials, or wrong ones (HTTP Basic)"));
        responses.putIfAbsent("403", problem("Authenticated, but not in a group that may use this endpoint"));
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey("application/json")) {
            responses.putIfAbsent("415", problem("The body is not application/json"));
        }
    }

    private static Operation createOperation(CaseType<?> caseType) {
        String requestSchema = caseType.requestType().getSimpleName();
        ApiResponses responses = new ApiResponses()
                .addApiResponse("201", json("The case was created", "CaseView")
                        .addHeaderObject("Location", new Header().description("/api/v1/cases/{caseId}").schema(new StringSchema())))
                .addApiResponse("200", json("A retry with an equal body: the existing case; nothing new is started", "CaseView"))
                .addApiResponse("400", problem("Malformed or invalid input; every offending field is named in errors[]"))
                .addApiResponse("403", problem("Not in group servicenow-intake"))
                .addApiResponse("409", problem("The same serviceNowRef was already sent with a different body"))
                .addApiResponse("413", problem("The body is larger than 1 MiB"));
        return new Operation()
                .operationId("create-" + caseType.name())
                .addTagsItem("Cases")
                .summary("Create a " + caseType.name() + " case")
                .description("Starts the case's process with serviceNowRef as business key. Idempotent on (case type, serviceNowRef).")
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(ref(requestSchema)))))
                .responses(responses);
    }

    private static ApiResponse json(String description, String schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(ref(schema))));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref(PROBLEM))));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void addSchemas(Components components, Class<?> type) {
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(type);
        schemas.forEach(components::addSchemas);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema error = new Schema<>().type("object")
                .addProperty("field", new StringSchema().example("lines[2].end"))
                .addProperty("message", new StringSchema());
        return new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new Schema<>().type("integer").example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(error));
    }
}
