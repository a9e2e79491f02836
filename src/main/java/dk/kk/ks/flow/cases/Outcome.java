package dk.kk.ks.flow.cases;

import dk.kk.ks.flow.platform.DanishTexts;

/**
 * Every outcome a case can end with: the CaseView's {@code outcome} (the REST API's contract with ServiceNow, so a
 * name never changes). Each case type lists its own ({@link CaseType#possibleOutcomes}); the Danish text of each is
 * in {@link DanishTexts#OUTCOMES}. A case's outcome is set only through {@link CaseOutcome}.
 */
public enum Outcome {
    PAID,
    POSTED,
    REGISTERED,
    ORDERED,
    CLOSED,
    DISMISSED,
    /** Not successful: the dismissal was withdrawn. */
    WITHDRAWN,
    /** Not successful: a business refusal ended the case. */
    REJECTED,
    /** Not successful: nobody decided in time. */
    EXPIRED;

    /** Whether the ServiceNow record closes as done (Closed Complete) or not done (Closed Incomplete). */
    public boolean successful() {
        return this != WITHDRAWN && this != REJECTED && this != EXPIRED;
    }

    /** The Danish text, as the work note and the e-mails show it. */
    public String text() {
        return DanishTexts.ofCode(DanishTexts.OUTCOMES, name());
    }
}
