package dk.kk.ks.flow.servicecontract;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** The {@code result} of a regulation's CaseView, as ServiceContractRegulationCaseType writes it; for the API description. */
@Schema(name = "ServiceContractRegulationResult", description = "The settlement amount and how it was posted; null until known")
public record ServiceContractRegulationResult(
        @Schema(nullable = true, description = "Quantity change x unit price per month x months to the end of the year, in kroner",
                example = "-12150.00") BigDecimal amount,
        @Schema(nullable = true, description = "true: posted with no human step", example = "true") Boolean automatic,
        @Schema(nullable = true, description = "The document number in Opus Økonomi once posted", example = "OE-2027-004711")
        String opusDocumentNumber) {
}
