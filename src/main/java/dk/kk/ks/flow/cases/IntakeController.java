package dk.kk.ks.flow.cases;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The intake API (docs/servicenow-integration.md): one endpoint creates a case of any type; two read cases. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Creating cases and reading their status")
class IntakeController {

    private final CaseCreation caseCreation;
    private final CaseViews caseViews;
    private final RequestReader reader;

    IntakeController(CaseCreation caseCreation, CaseViews caseViews, RequestReader reader) {
        this.caseCreation = caseCreation;
        this.caseViews = caseViews;
        this.reader = reader;
    }

    /** Documented per case type by IntakeOpenApi, which knows each type's request schema. */
    @Hidden
    @PostMapping(path = "/{caseType}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseView> create(@PathVariable String caseType, HttpServletRequest request) {
        CaseCreation.Creation creation = caseCreation.create(caseType, reader.body(request));
        if (!creation.created()) {
            return ResponseEntity.ok(creation.view());
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + creation.view().caseId())).body(creation.view());
    }

    @Operation(operationId = "getCase", summary = "Read a case", description = "The case by its id (the Camunda process instance id)",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The case",
                            content = @Content(schema = @Schema(ref = IntakeOpenApi.CASE_VIEW_REF))),
                    @ApiResponse(responseCode = "404", description = "No KS Flow case has that id")})
    @GetMapping(path = "/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView get(@Parameter(description = "The case's id, as caseId in its CaseView", example = "3f1c2a9e-1b6d-11f0-9a8c-0242ac120002")
                 @PathVariable String caseId) {
        return caseViews.view(caseId);
    }

    @Operation(operationId = "findCasesByServiceNowRef", summary = "Find cases by ServiceNow record",
            description = "Every case started for the record, oldest first; [] if none",
            responses = @ApiResponse(responseCode = "200", description = "The cases",
                    content = @Content(array = @ArraySchema(schema = @Schema(ref = IntakeOpenApi.CASE_VIEW_REF)))))
    @GetMapping(path = "/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CaseView> find(@Parameter(description = "The ServiceNow record number", example = "RITM0012345")
                        @RequestParam String serviceNowRef) {
        return caseViews.byServiceNowRef(serviceNowRef);
    }
}
