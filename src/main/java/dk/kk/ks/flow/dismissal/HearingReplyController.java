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

import dk.kk.ks.flow.intake.CaseView;
import dk.kk.ks.flow.intake.CaseViews;
import dk.kk.ks.flow.intake.RequestReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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

    @Operation(summary = "Register the employee's hearing reply",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = HearingReply.class))))
    @PostMapping(path = "/api/v1/cases/{caseId}/hearing-reply", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reply(@PathVariable String caseId, HttpServletRequest http) {
        HearingReply reply = reader.read(http, HearingReply.class, r -> List.of());
        caseViews.view(caseId);
        try {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(caseId)
                    .setVariables(Map.of(DismissalVariables.REPLY_RECEIVED_AT.name(), reply.receivedAt().toString(),
                            DismissalVariables.REPLY_SUMMARY.name(), reply.summary()))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The case is not waiting for a hearing reply");
            problem.setTitle("Not waiting for a hearing reply");
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        CaseView view = caseViews.view(caseId);
        return ResponseEntity.ok(view);
    }
}
