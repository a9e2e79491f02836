package dk.kk.ks.flow.processowners;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.CaseTypes;
import dk.kk.ks.flow.cases.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Where the cases of a case type wait (groups procesejere and ledelse): JSON at
 * {@code /api/v1/process-owners/waiting-times/{caseType}}, and a page per case type at
 * {@code /process-owners/waiting-times/{caseType}} with the deployed diagram drawn by bpmn-js and the figures on its
 * steps. The period defaults to the last 30 days.
 */
@RestController
@Tag(name = "Process owners")
class WaitingTimesController {

    private final WaitingTimes waitingTimes;
    private final CaseTypes caseTypes;
    private final Clock clock;

    WaitingTimesController(WaitingTimes waitingTimes, CaseTypes caseTypes, Clock clock) {
        this.waitingTimes = waitingTimes;
        this.caseTypes = caseTypes;
        this.clock = clock;
    }

    @Operation(operationId = "getWaitingTimes", summary = "Where the cases of a case type wait: per step, the cases that passed it, "
            + "the median and 90th percentile of the time there, and the cases there now",
            description = "Steps that ended from `from` (inclusive) to `to` (exclusive), Copenhagen days; every version of the diagram.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The figures per step",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WaitingTimes.Report.class))),
                    @ApiResponse(responseCode = "404", description = "No such case type")})
    @GetMapping(path = "/api/v1/process-owners/waiting-times/{caseType}", produces = MediaType.APPLICATION_JSON_VALUE)
    WaitingTimes.Report getWaitingTimes(@Parameter(description = "The case type, as in its intake path", example = "invoice-payouts")
                                        @PathVariable String caseType,
                                        @Parameter(description = "The first day (default: 30 days before to)", example = "2027-01-01")
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @Parameter(description = "The day after the last day; after from (default: tomorrow)", example = "2027-02-01")
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return compute(caseType, from, to);
    }

    @GetMapping(path = "/process-owners/waiting-times", produces = MediaType.TEXT_HTML_VALUE)
    String index() {
        return WaitingTimesPage.index(caseTypes.all().stream().map(CaseType::name).toList());
    }

    @GetMapping(path = "/process-owners/waiting-times/{caseType}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String caseType,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        WaitingTimes.Report report = compute(caseType, from, to);
        return WaitingTimesPage.render(report, waitingTimes.latestDiagramXml(report.processKey()),
                caseTypes.all().stream().map(CaseType::name).toList());
    }

    private WaitingTimes.Report compute(String name, LocalDate from, LocalDate to) {
        CaseType<?> caseType = MigrationController.caseType(caseTypes, name);
        LocalDate end = to != null ? to : LocalDate.now(clock).plusDays(1);
        LocalDate start = from != null ? from : end.minusDays(30);
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("Perioden er tom: til skal være efter fra",
                    List.of(new CaseType.FieldError("to", "skal være efter fra")));
        }
        return waitingTimes.compute(caseType.name(), caseType.processKey(), start, end);
    }
}
