package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingVariables.*;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.Outcome;
import dk.kk.ks.flow.cases.Reason;
import dk.kk.ks.flow.cases.CaseVariables;
import dk.kk.ks.flow.platform.Kroner;

@Component
class PostingCaseType extends CaseType<PostingRequest> {

    static final String PROCESS_KEY = "posting";

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
    protected List<Outcome> possibleOutcomes() {
        return List.of(Outcome.POSTED, Outcome.REJECTED);
    }

    @Override
    protected List<Reason> possibleReasons() {
        return Stream.concat(Arrays.stream(PostingValidator.Rule.values()).map(rule -> Reason.valueOf(rule.name())),
                Stream.of(Reason.REJECTED_BY_REVIEWER)).sorted(Comparator.comparing(Reason::name)).toList();
    }
}
