package dk.kk.ks.flow.posting;

import io.swagger.v3.oas.annotations.media.Schema;

/** The {@code result} of a posting's CaseView, as PostingCaseType writes it; for the API description. */
@Schema(name = "PostingResult", description = "How the posting was posted; null until known")
public record PostingResult(
        @Schema(nullable = true, description = "true: posted with no human step", example = "true") Boolean automatic,
        @Schema(nullable = true, description = "The document number in Opus Økonomi once posted", example = "OE-2027-004712")
        String opusDocumentNumber) {
}
