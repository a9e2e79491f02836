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

import dk.kk.ks.flow.intake.CaseType;
import dk.kk.ks.flow.intake.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The benefits report for KS management (groups ledelse and camunda-admin): JSON and CSV at
 * {@code /api/v1/benefits}, a printable Danish page with a bar chart at {@code /benefits}.
 * The period defaults to the last 30 days.
 */
@RestController
@Tag(name = "Benefits")
class BenefitsController {

    private final BenefitsReport report;
    private final Clock clock;

    BenefitsController(BenefitsReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @Operation(summary = "Staff time saved per case type, against the business case",
            description = "Cases started from `from` (inclusive) to `to` (exclusive); format=csv for a spreadsheet")
    @GetMapping(path = "/api/v1/benefits", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> benefits(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "json") String format) {
        BenefitsReport.Report computed = compute(from, to);
        if ("csv".equalsIgnoreCase(format)) {
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
