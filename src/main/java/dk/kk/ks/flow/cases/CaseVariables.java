package dk.kk.ks.flow.cases;

import java.util.List;

import dk.kk.ks.flow.platform.Var;

/** The variables every case has, whatever its type. */
public final class CaseVariables {

    /** The case's outcome: one word per case type (PAID, POSTED, REJECTED, ...); null while undecided. */
    public static final Var<String> OUTCOME = Var.of("outcome", String.class);
    /** Machine-readable codes explaining a rejection or a manual review. */
    public static final Var<List<String>> REASONS = Var.stringList("reasons");

    private CaseVariables() {
    }
}
