package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.intake.CaseType;
import dk.kk.ks.flow.intake.CaseVariables;
import dk.kk.ks.flow.platform.Kroner;

@Component
class PostingCaseType extends CaseType<PostingRequest> {

    static final String PROCESS_KEY = "posting";
    static final String REJECTED_BY_REVIEWER = "REJECTED_BY_REVIEWER";

    private static final Map<String, String> REASON_TEXTS = Map.of(
            PostingValidator.Rule.TOO_FEW_LINES.name(), "Posteringen skal have mindst to linjer",
            PostingValidator.Rule.UNBALANCED.name(), "Linjerne går ikke i nul (summen skal være præcis 0,00 kr.)",
            PostingValidator.Rule.UNKNOWN_ACCOUNT.name(), "En eller flere konti findes ikke eller er ikke aktive i Opus Økonomi",
            PostingValidator.Rule.INACTIVE_COST_CENTER.name(), "Et eller flere omkostningssteder er ikke aktive",
            PostingValidator.Rule.PERIOD_CLOSED.name(), "Bogføringsperioden (posteringsdatoens måned) er lukket",
            PostingValidator.Rule.INVALID_VAT_CODE.name(), "En momskode er ikke tilladt på kontoen",
            REJECTED_BY_REVIEWER, "Posteringen er afvist ved gennemgang i bogholderiet");

    PostingCaseType() {
        super("postings", PROCESS_KEY, PostingRequest.class);
    }

    @Override
    public Map<String, Object> startVariables(PostingRequest request) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(REQUESTED_BY.name(), request.requestedBy());
        variables.put(POSTING_DATE.name(), request.postingDate().toString());
        variables.put(DESCRIPTION.name(), request.description());
        variables.put(LINES.name(), LINES.typed(request.lines()));
        variables.put(LINES_TEXT.name(), linesText(request.lines()));
        variables.put(DEBIT_TOTAL.name(), PostingValidator.debitTotal(request.lines()).doubleValue());
        return variables;
    }

    @Override
    public Map<String, Object> result(Map<String, Object> variables) {
        List<String> reviewerGroups = REVIEWER_GROUPS.from(variables);
        String outcome = CaseVariables.OUTCOME.from(variables);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("automatic", reviewerGroups != null ? Boolean.valueOf(reviewerGroups.isEmpty()) : outcome == null ? null : Boolean.TRUE);
        result.put("opusDocumentNumber", OPUS_DOCUMENT_NUMBER.from(variables));
        return result;
    }

    @Override
    public String reasonText(String reasonCode) {
        return REASON_TEXTS.getOrDefault(reasonCode, reasonCode);
    }

    @Override
    public String workNoteSummary(Map<String, Object> variables) {
        String document = OPUS_DOCUMENT_NUMBER.from(variables);
        if (document == null) {
            return null;
        }
        String reviewedBy = REVIEWED_BY.from(variables);
        return "Bogført i Opus Økonomi som bilag " + document
                + (reviewedBy == null ? " uden manuel gennemgang." : " efter gennemgang i bogholderiet.");
    }

    /** One line of text per posting line, for the reviewer. */
    static String linesText(List<PostingLine> lines) {
        return lines.stream()
                .map(line -> "Konto " + line.account() + ", omk.sted " + line.costCenter() + ", moms " + line.vatCode() + ": "
                        + Kroner.format(line.amount()) + (line.text() == null || line.text().isBlank() ? "" : " (" + line.text() + ")"))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public Class<PostingResult> resultType() {
        return PostingResult.class;
    }

    @Override
    public List<String> outcomes() {
        return List.of("POSTED", "REJECTED");
    }

    @Override
    public List<String> reasonCodes() {
        return REASON_TEXTS.keySet().stream().sorted().toList();
    }
}
