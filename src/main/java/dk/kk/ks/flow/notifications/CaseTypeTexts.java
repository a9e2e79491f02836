package dk.kk.ks.flow.notifications;

import java.util.Map;

/**
 * What an e-mail says about each case type, by the process key of its diagram: the case type's Danish name, and the
 * variable holding the case's amount with its Danish label (none for the case types whose amounts are someone's pay).
 * A diagram not listed here is named by its own name in the diagram.
 */
final class CaseTypeTexts {

    record CaseTypeText(String name, String amountVariable, String amountLabel) {
    }

    private static final Map<String, CaseTypeText> BY_PROCESS_KEY = Map.of(
            "invoice-payout", new CaseTypeText("Fakturaudbetaling", "amount", "Beløb"),
            "payment-card", new CaseTypeText("Betalingskort", "monthlyLimit", "Kortgrænse pr. måned"),
            "service-contract-regulation", new CaseTypeText("Regulering af servicekontrakt", "amount", "Beløb"),
            "posting", new CaseTypeText("Postering", "debitTotal", "Debet i alt"),
            "timesheet", new CaseTypeText("Timeseddel", null, null),
            "resignation", new CaseTypeText("Fratrædelse", null, null),
            "dismissal", new CaseTypeText("Afskedigelse", null, null),
            "robot-resignation-reconciliation", new CaseTypeText("Afstemning af fratrædelser", null, null));

    private CaseTypeTexts() {
    }

    static CaseTypeText of(String processKey, String diagramName) {
        CaseTypeText known = BY_PROCESS_KEY.get(processKey);
        if (known != null) {
            return known;
        }
        return new CaseTypeText(diagramName == null || diagramName.isBlank() ? processKey : diagramName, null, null);
    }
}
