package dk.kk.ks.flow.benefits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The benefits report for KS management (groups ledelse and camunda-admin): JSON and CSV at
 * {@code /api/v1/benefits}, a printable Danish page with a bar chart at {@code /benefits}.
 * The period defaults to the last 30 days.
 */
@RestController
@Tag(name = "Benefits")
class BenefitsController {

    private static final String JSON = "json";
    private static final String CSV = "csv";

    private final BenefitsReport report;
    private final Clock clock;

    BenefitsController(BenefitsReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @Operation(operationId = "getBenefits", summary = "Staff time saved per case type, against the business case",
            description = "Cases started from `from` (inclusive) to `to` (exclusive); format=csv for a spreadsheet (semicolons, "
                    + "Danish number format, as an attachment)",
            responses = @ApiResponse(responseCode = "200", description = "The report: JSON, or CSV with format=csv", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BenefitsReport.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = "sagstype;startet;afsluttet;andel uden menneskeligt trin;menneskelige trin;"
                                    + "median trin (min);90-percentil trin (min);median gennemløb (min);minutter pr. sag før;"
                                    + "sparede minutter;årsværk pr. år;kr. pr. år;mål årsværk\n"
                                    + "invoice-payouts;12;10;0,8;2;12,5;30;45;20;180;0,05;31000;0,5\n"))}))
    @GetMapping(path = "/api/v1/benefits", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> benefits(@Parameter(description = "The first day (default: 30 days before to)", example = "2027-01-01")
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @Parameter(description = "The day after the last day; after from (default: tomorrow)", example = "2027-02-01")
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @Parameter(description = "json or csv", schema = @Schema(type = "string", allowableValues = {JSON, CSV},
                                       defaultValue = JSON))
                               @RequestParam(required = false) String format) {
        // Not defaultValue: Spring would take an empty format for the default; only a missing one is json.
        if (format != null && !JSON.equals(format) && !CSV.equals(format)) {
            throw new InvalidRequestException("Unknown format", List.of(new CaseType.FieldError("format", "must be json or csv")));
        }
        BenefitsReport.Report computed = compute(from, to);
        if (CSV.equals(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"gevinstopfoelgning-" + computed.from() + "-" + computed.to() + ".csv\"")
                    .body(BenefitsCsv.write(computed));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(computed);
    }

    @GetMapping(path = "/benefits", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return BenefitsPage.render(compute(from, to));
    }

    private BenefitsReport.Report compute(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock).plusDays(1);
        LocalDate start = from != null ? from : end.minusDays(30);
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("The period is empty", List.of(new CaseType.FieldError("to", "must be after from")));
        }
        return report.compute(start, end);
    }

    static String number(BigDecimal value, int decimals) {
        return value == null ? "" : String.format(Locale.forLanguageTag("da-DK"), "%,." + decimals + "f", value);
    }
}
