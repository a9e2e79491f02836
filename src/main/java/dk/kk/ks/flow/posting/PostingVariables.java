package dk.kk.ks.flow.posting;

import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import dk.kk.ks.flow.platform.JsonVar;
import dk.kk.ks.flow.platform.Var;

/** The variables of the posting process, by name and type. */
final class PostingVariables {

    static final Var<String> REQUESTED_BY = Var.of("requestedBy", String.class);
    /** ISO date; its month is the posting period. */
    static final Var<String> POSTING_DATE = Var.of("postingDate", String.class);
    static final Var<String> DESCRIPTION = Var.of("description", String.class);
    /** The lines as sent, a JSON variable (amounts exact: 1500.00 stays 1500.00). */
    static final JsonVar<List<PostingLine>> LINES = JsonVar.of("lines", new TypeReference<>() { });
    /** The lines as text, for the reviewer's form. */
    static final Var<String> LINES_TEXT = Var.of("linesText", String.class);
    /** Kroner: the sum of the debit lines, what the review decision table reads. */
    static final Var<Double> DEBIT_TOTAL = Var.of("debitTotal", Double.class);
    /** From the decision table "Hvilke kontroller gælder?": the codes of the rules that apply. */
    static final Var<List<String>> VALIDATIONS = Var.stringList("validations");
    /** From the decision table "Skal posteringen gennemgås?": the reviewing groups; empty: posted at once. */
    static final Var<List<String>> REVIEWER_GROUPS = Var.stringList("reviewerGroups");
    /** Set by the review form. */
    static final Var<Boolean> APPROVED = Var.of("approved", Boolean.class);
    static final Var<String> COMMENT = Var.of("comment", String.class);
    static final Var<String> REVIEWED_BY = Var.of("reviewedBy", String.class);
    static final Var<String> OPUS_DOCUMENT_NUMBER = Var.of("opusDocumentNumber", String.class);

    private PostingVariables() {
    }
}
