package dk.kk.ks.flow.processowners;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dk.kk.ks.flow.cases.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A candidate decision table tried on the recent evaluations of the deployed one, before it is deployed (group
 * procesejere): {@code POST /api/v1/decisions/{decisionKey}/what-if} with the .dmn file as the body, and the page
 * {@code /process-owners/what-if} that uploads one and shows the answer in Danish.
 */
@RestController
@Tag(name = "Process owners")
class WhatIfController {

    private final WhatIf whatIf;
    private final int maxBodyBytes;

    WhatIfController(WhatIf whatIf, @Value("${ksflow.process-owners.what-if.max-body-bytes:1048576}") int maxBodyBytes) {
        this.whatIf = whatIf;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Operation(operationId = "tryDecision", summary = "Evaluate a candidate decision table on the recent evaluations of the deployed one",
            description = "The candidate (a .dmn file as Camunda Modeler saves it) must pass the deployment rules (FEEL only, no DOCTYPE) "
                    + "and contain the decision with the key. It is evaluated, never deployed, on the inputs of every evaluation of the "
                    + "deployed decision in the last `days` days; the answer counts the evaluations whose result it changes and shows "
                    + "up to 20 of them. Messages are in Danish.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
                    schema = @Schema(type = "string", description = "The .dmn file, at most 1 MiB"),
                    examples = @ExampleObject(value = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" ...>...</definitions>"))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The candidate's effect",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WhatIf.Answer.class))),
                    @ApiResponse(responseCode = "400", description = "days out of range, or a candidate that breaks a deployment rule, "
                            + "does not parse or lacks the decision; the detail names the problem in Danish"),
                    @ApiResponse(responseCode = "404", description = "No decision with the key is deployed"),
                    @ApiResponse(responseCode = "413", description = "The body is larger than 1 MiB"),
                    @ApiResponse(responseCode = "415", description = "The body is not application/xml or text/xml")})
    @PostMapping(path = "/api/v1/decisions/{decisionKey}/what-if", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WhatIf.Answer> tryDecision(
            @Parameter(description = "The decision's key (its id in Modeler)", example = "invoice-payout-approvals") @PathVariable String decisionKey,
            @Parameter(description = "How many days back, 1 to 730", schema = @Schema(type = "integer", minimum = "1", maximum = "730",
                    defaultValue = "90")) @RequestParam(defaultValue = "90") int days,
            HttpServletRequest request) throws IOException {
        CrossSiteGuard.refuseCrossSite(request);
        return ResponseEntity.ok(whatIf.evaluate(decisionKey, body(request), days));
    }

    @GetMapping(path = "/process-owners/what-if", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return WhatIfPage.render(whatIf.deployedDecisions(), null, WhatIf.DEFAULT_DAYS, null, null);
    }

    @PostMapping(path = "/process-owners/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> tryFromPage(@RequestParam(required = false) String decisionKey, @RequestParam(required = false) String days,
                                       @RequestParam(required = false) MultipartFile table, HttpServletRequest request) throws IOException {
        CrossSiteGuard.refuseCrossSite(request);
        int period = WhatIf.DEFAULT_DAYS;
        if (decisionKey == null || decisionKey.isBlank()) {
            return refusedPage(decisionKey, period, "Vælg den beslutning, tabellen skal prøves mod", HttpStatus.BAD_REQUEST);
        }
        if (table == null || table.isEmpty()) {
            return refusedPage(decisionKey, period, "Vælg en tabel (.dmn-fil) at prøve", HttpStatus.BAD_REQUEST);
        }
        try {
            period = days == null || days.isBlank() ? WhatIf.DEFAULT_DAYS : Integer.parseInt(days.strip());
            if (table.getSize() > maxBodyBytes) {
                throw new BodyTooLargeException(maxBodyBytes);
            }
            WhatIf.Answer answer = whatIf.evaluate(decisionKey, table.getBytes(), period);
            return ResponseEntity.ok(WhatIfPage.render(whatIf.deployedDecisions(), decisionKey, period, answer, null));
        } catch (NumberFormatException notANumber) {
            return refusedPage(decisionKey, period, "Antal dage skal være et helt tal mellem 1 og " + WhatIf.MAX_DAYS, HttpStatus.BAD_REQUEST);
        } catch (InvalidRequestException e) {
            return refusedPage(decisionKey, period, e.getMessage(), HttpStatus.BAD_REQUEST);
        } catch (NotFoundException e) {
            return refusedPage(decisionKey, period, e.getMessage(), HttpStatus.NOT_FOUND);
        } catch (BodyTooLargeException e) {
            return refusedPage(decisionKey, period, e.getMessage(), HttpStatus.PAYLOAD_TOO_LARGE);
        }
    }

    private ResponseEntity<String> refusedPage(String decisionKey, int days, String problem, HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(WhatIfPage.render(whatIf.deployedDecisions(), decisionKey, days, null, problem));
    }

    /** The body, at most max-body-bytes: a larger one is refused before it is read whole. */
    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new BodyTooLargeException(maxBodyBytes);
            }
            return body;
        }
    }
}
