package dk.kk.ks.flow.notifications;

import java.util.Map;

import dk.kk.ks.flow.platform.DanishTexts;

/**
 * What an e-mail says about each case type, by the process key of its diagram: the case type's Danish name (from
 * {@link DanishTexts#PROCESSES}), and the variable holding the case's amount with its Danish label (none for the case
 * types whose amounts are someone's pay). A diagram without a Danish name there is named by its own name in the diagram.
 */
final class CaseTypeTexts {

    record CaseTypeText(String name, String amountVariable, String amountLabel) {
    }

    /** The variable holding the case's amount and its label, by process key. */
    private static final Map<String, Amount> AMOUNTS = Map.of(
            "invoice-payout", new Amount("amount", "Beløb"),
            "payment-card", new Amount("monthlyLimit", "Kortgrænse pr. måned"),
            "service-contract-regulation", new Amount("amount", "Beløb"),
            "posting", new Amount("debitTotal", "Debet i alt"));

    private record Amount(String variable, String label) {
    }

    private CaseTypeTexts() {
    }

    static CaseTypeText of(String processKey, String diagramName) {
        String name = DanishTexts.PROCESSES.get(processKey);
        if (name == null) {
            name = diagramName == null || diagramName.isBlank() ? processKey : diagramName;
        }
        Amount amount = AMOUNTS.get(processKey);
        return amount == null ? new CaseTypeText(name, null, null) : new CaseTypeText(name, amount.variable(), amount.label());
    }
}
