package dk.kk.ks.flow.processowners;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.CaseTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Running cases of a case type moved to the latest version of its diagram (group procesejere); a dry run by default. */
@RestController
@Tag(name = "Process owners")
class MigrationController {

    private final Migrations migrations;
    private final CaseTypes caseTypes;

    MigrationController(Migrations migrations, CaseTypes caseTypes) {
        this.migrations = migrations;
        this.caseTypes = caseTypes;
    }

    @Operation(operationId = "migrateCases", summary = "Move the running cases of a case type to the latest version of its diagram",
            description = "Per older version with running cases: a migration plan that maps every step to the step with the same id "
                    + "in the latest version, then each case moved on its own. dryRun=true (the default) changes nothing and answers "
                    + "what would move and what could not, with the reasons (Danish); dryRun=false moves them and answers the same "
                    + "with the result. At most 1,000 cases per call (remaining says how many are left).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "What moved (or would move) and what could not",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Migrations.Report.class))),
                    @ApiResponse(responseCode = "404", description = "No such case type")})
    @PostMapping(path = "/api/v1/process-owners/migrations/{caseType}", produces = MediaType.APPLICATION_JSON_VALUE)
    Migrations.Report migrateCases(@Parameter(description = "The case type, as in its intake path", example = "invoice-payouts")
                                   @PathVariable String caseType,
                                   @Parameter(description = "true: only report what would move", schema = @Schema(type = "boolean", defaultValue = "true"))
                                   @RequestParam(defaultValue = "true") boolean dryRun,
                                   HttpServletRequest request) {
        CrossSiteGuard.refuseCrossSite(request);
        return migrations.migrate(caseType(caseTypes, caseType), dryRun);
    }

    static CaseType<?> caseType(CaseTypes caseTypes, String name) {
        return caseTypes.byName(name).orElseThrow(() -> new NotFoundException("Der er ingen sagstype «" + name + "»"));
    }
}
