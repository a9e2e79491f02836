package dk.kk.ks.flow.dismissal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.cases.CaseViews;
import dk.kk.ks.flow.cases.RequestReader;
import dk.kk.ks.flow.platform.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/cases/{caseId}/hearing-reply}: the employee's reply to the hearing; 409 when the case is not waiting for one. */
@RestController
@Tag(name = "Dismissals")
class HearingReplyController {

    static final String MESSAGE = "HearingReplyReceived";

    @Schema(description = "The employee's reply to the hearing (partshøring)")
    record HearingReply(@Schema(example = "2027-04-10T09:00:00+02:00") @NotNull OffsetDateTime receivedAt,
                        @Schema(example = "Medarbejderen er uenig i begrundelsen") @NotBlank @Size(max = 4000) String summary) {
    }

    private final RequestReader reader;
    private final RuntimeService runtimeService;
    private final CaseViews caseViews;

    HearingReplyController(RequestReader reader, RuntimeService runtimeService, CaseViews caseViews) {
        this.reader = reader;
        this.runtimeService = runtimeService;
        this.caseViews = caseViews;
    }

    @Operation(operationId = "replyToHearing", summary = "Register the employee's hearing reply",
            description = "For a dismissal case that waits for the employee's reply to the hearing (partshøring).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = HearingReply.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The reply was registered: the dismissal case",
                            content = @Content(schema = @Schema(ref = "#/components/schemas/DismissalCase"))),
                    @ApiResponse(responseCode = "404", description = "No KS Flow case has that id"),
                    @ApiResponse(responseCode = "409", description = "The case is not waiting for a hearing reply")})
    @PostMapping(path = "/api/v1/cases/{caseId}/hearing-reply", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reply(@Parameter(description = "The dismissal case's id", example = "3f1c2a9e-1b6d-11f0-9a8c-0242ac120002")
                            @PathVariable String caseId, HttpServletRequest http) {
        HearingReply reply = reader.read(http, HearingReply.class, r -> List.of());
        caseViews.view(caseId);
        try {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(caseId)
                    .setVariables(Map.of(DismissalVariables.REPLY_RECEIVED_AT.name(), reply.receivedAt().toString(),
                            DismissalVariables.REPLY_SUMMARY.name(), reply.summary()))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, "not-waiting-for-hearing-reply",
                    "Not waiting for a hearing reply", "The case is not waiting for a hearing reply");
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        CaseView view = caseViews.view(caseId);
        return ResponseEntity.ok(view);
    }
}
