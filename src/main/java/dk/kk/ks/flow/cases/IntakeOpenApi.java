package dk.kk.ks.flow.cases;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.ks.flow.platform.ApiProblems;
import dk.kk.ks.flow.platform.Groups;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of {@code /api/v1} at {@code /v3/api-docs}, precise enough that clients generated from it
 * work unedited. Springdoc finds the endpoints; this class then makes every schema from the records the server reads
 * and writes (RecordSchemas: the constraints it enforces, what may be null in its answers), describes case creation
 * once per case type (it is one generic endpoint in code), types the CaseView per case type (a oneOf on caseType),
 * and adds to every operation the refusals it can give (400, 401, 403, 404, 409, 413, 415, all
 * application/problem+json), the groups it needs and an example of every body.
 */
@Configuration
class IntakeOpenApi {

    static final String PROBLEM = "Problem";
    static final String CASE_VIEW = "CaseView";
    /** For the annotations of the endpoints that answer a CaseView of any case type. */
    static final String CASE_VIEW_REF = "#/components/schemas/" + CASE_VIEW;
    static final String CASE_STATUS = "CaseStatus";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String API = "/api/v1/";
    private static final String GROUPS_EXTENSION = "x-ksflow-groups";

    @Bean
    OpenAPI ksFlowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("KS Flow API").version("v1").description("""
                        Cases from ServiceNow to KS Flow (Koncernservice, Københavns Kommune), and the calculations and \
                        reports beside them.

                        - Authentication: HTTP Basic (or a bearer token where single sign-on is on). Each operation says \
                        which groups may call it (`x-ksflow-groups`); no credentials is 401, the wrong group 403.
                        - Bodies are JSON in UTF-8 (`Content-Type: application/json`, else 415), at most 1 MiB (else 413). \
                        Unknown fields are ignored. Text fields refuse NUL and the Unicode bidirectional controls \
                        U+202A-U+202E and U+2066-U+2069 (400).
                        - Every refusal is RFC 9457 problem details (`application/problem+json`); a 400 names every \
                        offending field at once in `errors[]`.
                        - Creating a case is idempotent on (case type, `serviceNowRef`): the same body again answers 200 \
                        with the same case, another body 409.
                        - `outcome` and `reasons` take the values listed per case type; new ones are announced in the \
                        changelog before they are used (generate clients so that they tolerate unknown enum values, \
                        e.g. openapi-generator's `enumUnknownDefaultCase=true`). A reason code that KS Flow does not \
                        declare (a refusal code an external system added) is reported as `OTHER`."""))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OpenApiCustomizer apiDescription(CaseTypes caseTypes,
                                     @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
        return openApi -> describe(openApi, caseTypes, apiRecords(handlerMapping));
    }

    private static void describe(OpenAPI openApi, CaseTypes caseTypes, Records apiRecords) {
        RecordSchemas records = new RecordSchemas();
        apiRecords.requests().forEach(type -> records.ref(type, RecordSchemas.Direction.REQUEST));
        apiRecords.responses().forEach(type -> records.ref(type, RecordSchemas.Direction.RESPONSE));
        for (CaseType<?> caseType : caseTypes.all()) {
            records.ref(caseType.requestType(), RecordSchemas.Direction.REQUEST);
            records.ref(caseType.resultType(), RecordSchemas.Direction.RESPONSE);
        }
        Components components = openApi.getComponents();
        records.schemas().forEach(components::addSchemas);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas("FieldError", fieldErrorSchema());
        components.addSchemas(CASE_STATUS, caseStatusSchema());

        SchemaExamples examples = new SchemaExamples(components.getSchemas());
        Map<String, String> mapping = new TreeMap<>();
        for (CaseType<?> caseType : caseTypes.all()) {
            components.addSchemas(caseSchemaName(caseType), caseSchema(caseType, examples));
            mapping.put(caseType.name(), ref(caseSchemaName(caseType)).get$ref());
        }
        ComposedSchema caseView = new ComposedSchema();
        caseView.description("A case as ServiceNow sees it: one schema per case type, chosen by caseType");
        mapping.values().forEach(target -> caseView.addOneOfItem(new Schema<>().$ref(target)));
        caseView.discriminator(new Discriminator().propertyName("caseType").mapping(mapping));
        components.addSchemas(CASE_VIEW, caseView);

        for (CaseType<?> caseType : caseTypes.all()) {
            openApi.path(API + caseType.name(), new PathItem().post(createOperation(caseType)));
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.readOperations().forEach(operation -> complete(path, operation, examples));
            }
        });
        removeUnused(openApi);
    }

    // ---- case types ------------------------------------------------------------------------------------------

    /** The name of a case type's schemas: its request record's name without "Request" (InvoicePayout...). */
    private static String baseName(CaseType<?> caseType) {
        return RecordSchemas.name(caseType.requestType()).replaceFirst("Request$", "");
    }

    /** The name of a case type's CaseView schema: InvoicePayoutCase, ... */
    private static String caseSchemaName(CaseType<?> caseType) {
        return baseName(caseType) + "Case";
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> caseSchema(CaseType<?> caseType, SchemaExamples examples) {
        Schema caseTypeSchema = new StringSchema().description("The case type, as in the path it was created on")
                .example(caseType.name());
        caseTypeSchema.setEnum(List.of(caseType.name()));
        Schema outcome = new StringSchema().nullable(true)
                .description("Null while undecided, then how the case ended");
        outcome.setEnum(new ArrayList<>(caseType.outcomes()));
        Schema reason = new StringSchema();
        List<String> codes = new ArrayList<>(caseType.reasonCodes());
        reason.setEnum(codes);
        Schema schema = new Schema<>().type("object")
                .description("A case of type " + caseType.name() + " as ServiceNow sees it")
                .addProperty("caseId", new StringSchema().description("The Camunda process instance id of the case (paste it into Cockpit)")
                        .example("3f1c2a9e-1b6d-11f0-9a8c-0242ac120002"))
                .addProperty("caseType", caseTypeSchema)
                .addProperty("serviceNowRef", new StringSchema().pattern(CaseRequest.SERVICE_NOW_REF_PATTERN)
                        .description("The ServiceNow record the case was created for").example("RITM0012345"))
                .addProperty("status", ref(CASE_STATUS))
                .addProperty("currentSteps", new ArraySchema().items(new StringSchema())
                        .description("The names (as in the diagram) of the user tasks and wait states the case is in; empty once completed"))
                .addProperty("outcome", outcome)
                .addProperty("reasons", new ArraySchema().items(reason)
                        .description("Codes explaining a rejection or a manual review; OTHER: a code not (yet) declared here"))
                .addProperty("result", ref(RecordSchemas.name(caseType.resultType())))
                .required(List.of("caseId", "caseType", "serviceNowRef", "status", "currentSteps", "outcome", "reasons", "result"));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("caseId", "3f1c2a9e-1b6d-11f0-9a8c-0242ac120002");
        example.put("caseType", caseType.name());
        example.put("serviceNowRef", "RITM0012345");
        example.put("status", "COMPLETED");
        example.put("currentSteps", List.of());
        example.put("outcome", caseType.outcomes().get(0));
        example.put("reasons", List.of());
        example.put("result", examples.of(ref(RecordSchemas.name(caseType.resultType()))));
        schema.example(example);
        return schema;
    }

    private static Operation createOperation(CaseType<?> caseType) {
        String caseSchema = caseSchemaName(caseType);
        String requestSchema = RecordSchemas.name(caseType.requestType());
        ApiResponses responses = new ApiResponses()
                .addApiResponse("201", json("The case was created", caseSchema)
                        .addHeaderObject("Location", new Header().description("/api/v1/cases/{caseId}").schema(new StringSchema())))
                .addApiResponse("200", json("A retry with an equal body: the existing case; nothing new is started", caseSchema))
                .addApiResponse("409", new ApiResponse().description("The same serviceNowRef was already sent with another body"));
        return new Operation()
                .operationId("create" + baseName(caseType))
                .addTagsItem("Cases")
                .summary("Create a case of type " + caseType.name())
                .description("Starts the case's process with serviceNowRef as business key. Idempotent on (case type, serviceNowRef): "
                        + "an equal body again answers 200 with the same case (numbers compare by value), another body 409.")
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON,
                        new MediaType().schema(ref(requestSchema)))))
                .responses(responses);
    }

    // ---- every operation -------------------------------------------------------------------------------------

    /** The refusals, groups and examples every operation of the API has. */
    private static void complete(String path, Operation operation, SchemaExamples examples) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean jsonBody = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(JSON);
        boolean parameters = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
        if (jsonBody || parameters) {
            responses.putIfAbsent("400", new ApiResponse().description("Malformed or invalid input; every offending field is named in errors[]"));
        }
        List<String> groups = groups(path);
        responses.putIfAbsent("401", new ApiResponse().description("No credentials, or wrong ones"));
        responses.putIfAbsent("403", new ApiResponse().description("Not in a group that may use this operation: " + String.join(" or ", groups)));
        if (jsonBody) {
            responses.putIfAbsent("413", new ApiResponse().description("The body is larger than 1 MiB"));
            responses.putIfAbsent("415", new ApiResponse().description("The body is not application/json"));
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM))
                        .example(problemExample(Integer.parseInt(status), path))));
            }
        });
        operation.setResponses(sorted(responses));
        operation.addExtension(GROUPS_EXTENSION, groups);
        String groupText = "Groups: " + String.join(" or ", groups.stream().map(group -> "`" + group + "`").toList()) + ".";
        operation.setDescription(operation.getDescription() == null ? groupText : operation.getDescription() + "\n\n" + groupText);
        if (jsonBody) {
            MediaType body = operation.getRequestBody().getContent().get(JSON);
            body.setExample(examples.of(body.getSchema()));
        }
        responses.forEach((status, response) -> {
            if (response.getContent() != null) {
                response.getContent().forEach((type, media) -> {
                    if (media.getExample() == null && media.getSchema() != null && type.contains("json")) {
                        media.setExample(examples.of(media.getSchema()));
                    }
                });
            }
        });
    }

    /** Who may call: the rules of SecurityConfig for /api/v1. */
    private static List<String> groups(String path) {
        if (path.equals(API + "benefits")) {
            return List.of(Groups.MANAGEMENT, Groups.ADMIN);
        }
        if (path.startsWith(API + "process-owners/waiting-times/")) {
            return List.of(Groups.PROCESS_OWNERS, Groups.MANAGEMENT);
        }
        if (path.startsWith(API + "decisions/") || path.startsWith(API + "process-owners/")) {
            return List.of(Groups.PROCESS_OWNERS);
        }
        return List.of(Groups.SERVICENOW_INTAKE, Groups.ADMIN);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static Map<String, Object> problemExample(int status, String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        String[] typeTitleDetail = switch (status) {
            case 400 -> new String[] {"invalid-request", "Invalid request", "The request has 1 invalid field(s)"};
            case 401 -> new String[] {"unauthorized", "Unauthorized", "Authentication is required: HTTP Basic with a valid user and password"};
            case 403 -> new String[] {"forbidden", "Forbidden", "The user is not in a group that may use this endpoint"};
            case 404 -> new String[] {"not-found", "Not found", "No case 3f1c2a9e-1b6d-11f0-9a8c-0242ac120002"};
            case 409 -> path.endsWith("/hearing-reply")
                    ? new String[] {"not-waiting-for-hearing-reply", "Not waiting for a hearing reply", "The case is not waiting for a hearing reply"}
                    : new String[] {"case-conflict", "Case already exists with another body",
                            "A case for RITM0012345 already exists (3f1c2a9e-1b6d-11f0-9a8c-0242ac120002) with a different body"};
            case 413 -> new String[] {"body-too-large", "Request body too large", "The request body is larger than 1048576 bytes"};
            case 415 -> new String[] {"unsupported-media-type", "Unsupported media type", "The request body must be application/json"};
            default -> new String[] {"problem", HttpStatus.valueOf(status).getReasonPhrase(), "See the status"};
        };
        problem.put("type", ApiProblems.TYPE_BASE + typeTitleDetail[0]);
        problem.put("title", typeTitleDetail[1]);
        problem.put("status", status);
        problem.put("detail", typeTitleDetail[2]);
        problem.put("instance", path);
        if (status == 400) {
            problem.put("errors", List.of(Map.of("field", "serviceNowRef", "message", "must match \"" + CaseRequest.SERVICE_NOW_REF_PATTERN + "\"")));
        }
        return problem;
    }

    // ---- shared schemas --------------------------------------------------------------------------------------

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        return new Schema<>().type("object").description("RFC 9457 problem details: every refusal of the API")
                .addProperty("type", new StringSchema().format("uri").description("What kind of problem; " + ApiProblems.TYPE_BASE + "...")
                        .example(ApiProblems.TYPE_BASE + "invalid-request"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem").example("Invalid request"))
                .addProperty("status", new Schema<>().type("integer").format("int32").description("The HTTP status").example(400))
                .addProperty("detail", new StringSchema().description("What is wrong, in technical English").example("The request has 1 invalid field(s)"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The path that was called")
                        .example("/api/v1/invoice-payouts"))
                .addProperty("errors", new ArraySchema().items(ref("FieldError"))
                        .description("400 only: every offending field"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new Schema<>().type("object").description("A field that failed validation")
                .addProperty("field", new StringSchema().description("Named as in the body or the query, e.g. lines[2].end").example("lines[2].end"))
                .addProperty("message", new StringSchema().description("What is wrong with it").example("must differ from start"))
                .required(List.of("field", "message"));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> caseStatusSchema() {
        Schema schema = new StringSchema().description("ACTIVE while running; COMPLETED once ended; INCIDENT while a technical "
                + "failure waits for an operator in Cockpit (nothing is lost)");
        schema.setEnum(java.util.Arrays.stream(CaseView.Status.values()).map(Enum::name).toList());
        return schema;
    }

    private static ApiResponse json(String description, String schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema))));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    // ---- the records of the annotated endpoints --------------------------------------------------------------

    private record Records(Set<Class<?>> requests, Set<Class<?>> responses) {
    }

    /**
     * The records the annotated /api/v1 endpoints read and write: those their {@code @Operation} names as request
     * body and answers ({@code @Schema(implementation)}), and the records they return.
     */
    private static Records apiRecords(RequestMappingHandlerMapping handlerMapping) {
        Set<Class<?>> requests = new LinkedHashSet<>();
        Set<Class<?>> responses = new LinkedHashSet<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().noneMatch(pattern -> pattern.startsWith(API))) {
                return;
            }
            Method method = handler.getMethod();
            io.swagger.v3.oas.annotations.Operation operation = method.getAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (operation != null) {
                for (io.swagger.v3.oas.annotations.media.Content content : operation.requestBody().content()) {
                    addRecord(requests, content.schema().implementation());
                }
                for (io.swagger.v3.oas.annotations.responses.ApiResponse response : operation.responses()) {
                    for (io.swagger.v3.oas.annotations.media.Content content : response.content()) {
                        addRecord(responses, content.schema().implementation());
                        addRecord(responses, content.array().schema().implementation());
                    }
                }
            }
            addRecord(responses, returned(handler));
        });
        return new Records(requests, responses);
    }

    private static Class<?> returned(HandlerMethod handler) {
        Type type = handler.getMethod().getGenericReturnType();
        while (type instanceof ParameterizedType parameterized
                && (parameterized.getRawType() == ResponseEntity.class || parameterized.getRawType() == List.class)) {
            type = parameterized.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c ? c : Void.class;
    }

    private static void addRecord(Set<Class<?>> records, Class<?> type) {
        // A CaseView is described per case type (its result is typed there), not from its record.
        if (type.isRecord() && type != CaseView.class && type.getPackageName().startsWith("dk.kk.ks.flow")) {
            records.add(type);
        }
    }

    // ---- tidying ---------------------------------------------------------------------------------------------

    /** Drops the schemas nothing refers to (springdoc's first drafts of the records described here). */
    private static void removeUnused(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> used = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(refs(Json.mapper().valueToTree(openApi.getPaths())));
        while (!queue.isEmpty()) {
            String name = queue.remove(queue.size() - 1);
            if (used.add(name) && schemas.containsKey(name)) {
                queue.addAll(refs(Json.mapper().valueToTree(schemas.get(name))));
            }
        }
        schemas.keySet().retainAll(used);
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)").matcher(node.toString());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
