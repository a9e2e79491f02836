package dk.kk.ks.flow.posting;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dk.kk.ks.flow.cases.CaseRequest;
import dk.kk.ks.flow.platform.KnownUser;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/postings}: a posting case (docs/servicenow-integration.md). The ledger rules (at least two lines, balance,
 * master data, open period) are business rules, checked by the process: a posting that breaks them is a case
 * that ends REJECTED, not a 400. So a single line is accepted here.
 */
@Schema(description = "A posting case (posteringssag) for Opus Økonomi")
public record PostingRequest(
        @Schema(example = "RITM0000006") @NotNull @Pattern(regexp = SERVICE_NOW_REF_PATTERN) String serviceNowRef,
        @Schema(description = "The requester's user id", example = "anna") @NotBlank @KnownUser String requestedBy,
        @Schema(example = "2027-03-15") @NotNull LocalDate postingDate,
        @Schema(example = "Omkontering af husleje") @NotBlank @Size(max = 200) String description,
        @Schema(description = "The lines; the ledger rules need at least two that balance") @NotNull @Size(max = 999)
        List<@NotNull @Valid PostingLine> lines)
        implements CaseRequest {
}
