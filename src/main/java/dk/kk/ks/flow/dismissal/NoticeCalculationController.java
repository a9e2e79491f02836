package dk.kk.ks.flow.dismissal;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.RequestReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/v1/dismissals/notice-calculation}: the employer's notice (Funktionærloven § 2, § 2a); starts nothing. */
@RestController
@Tag(name = "Dismissals")
class NoticeCalculationController {

    @Schema(name = "NoticeCalculationRequest", description = "When the employee was hired and when notice is given")
    record NoticeRequest(@Schema(example = "2020-01-15") @NotNull LocalDate hireDate,
                         @Schema(example = "2022-11-10", description = "Not before hireDate") @NotNull LocalDate noticeDate,
                         @Schema(description = "Agreed probation: 14 days' notice while the notice date is within the first 3 months "
                                 + "of the employment; after that the ordinary notice applies. Default false", example = "false")
                         boolean probation) {
    }

    private final RequestReader reader;
    private final NoticeCalculator calculator;

    NoticeCalculationController(RequestReader reader, NoticeCalculator calculator) {
        this.reader = reader;
        this.calculator = calculator;
    }

    @Operation(operationId = "calculateNotice", summary = "Calculate the notice period and termination date",
            description = "The employer's notice (Funktionærloven § 2, § 2a). Starts nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NoticeRequest.class))),
            responses = @ApiResponse(responseCode = "200", description = "The notice",
                    content = @Content(schema = @Schema(implementation = NoticeCalculation.class))))
    @PostMapping(path = "/api/v1/dismissals/notice-calculation", produces = MediaType.APPLICATION_JSON_VALUE)
    NoticeCalculation calculate(HttpServletRequest http) {
        NoticeRequest request = reader.read(http, NoticeRequest.class, r -> r.noticeDate().isBefore(r.hireDate())
                ? List.of(new CaseType.FieldError("noticeDate", "must not be before hireDate"))
                : List.of());
        return calculator.calculate(request.hireDate(), request.noticeDate(), request.probation());
    }
}
