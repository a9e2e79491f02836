package dk.kk.ks.flow.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
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
import io.swagger.v3.oas.annotations.tags.Tag;

/** The intake API of CONTRACT.md: one endpoint creates a case of any type; two read cases. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Creating cases and reading their status")
class IntakeController {

    private final CaseCreation caseCreation;
    private final CaseViews caseViews;
    private final int maxBodyBytes;

    IntakeController(CaseCreation caseCreation, CaseViews caseViews, @Value("${ksflow.intake.max-body-bytes}") int maxBodyBytes) {
        this.caseCreation = caseCreation;
        this.caseViews = caseViews;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Documented per case type by IntakeOpenApi, which knows each type's request schema. */
    @Hidden
    @PostMapping(path = "/{caseType}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseView> create(@PathVariable String caseType, HttpServletRequest request) {
        CaseCreation.Creation creation = caseCreation.create(caseType, readBody(request, maxBodyBytes));
        if (!creation.created()) {
            return ResponseEntity.ok(creation.view());
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + creation.view().caseId())).body(creation.view());
    }

    @Operation(summary = "Read a case", description = "The CaseView of a case by its id (the Camunda process instance id)")
    @GetMapping(path = "/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseView get(@PathVariable String caseId) {
        return caseViews.view(caseId);
    }

    @Operation(summary = "Find cases by ServiceNow record", description = "Every case started for the record, oldest first; [] if none")
    @GetMapping(path = "/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CaseView> find(@RequestParam String serviceNowRef) {
        return caseViews.byServiceNowRef(serviceNowRef);
    }

    /** Reads the body, refusing more than the configured maximum (1 MiB) without reading it all. */
    static byte[] readBody(HttpServletRequest request, int maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new InvalidRequestException("The request body could not be read", List.of());
        }
    }

    static class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(int maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes");
        }
    }
}
