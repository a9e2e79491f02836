package dk.kk.ks.flow.integration.digitalpost;

/**
 * Digital Post (NgDP) through Serviceplatformen's SF1601 KombiPostAfsend: a letter becomes a MeMo 1.1
 * message (MemoMessageBuilder) with the PDF as main document, sent as Digital Post.
 */
public interface DigitalPostPort {

    /** How the recipient is identified: a citizen by CPR number, a company (a union, for example) by CVR number. */
    enum IdType { CPR, CVR }

    /**
     * A letter. {@code caseNumber} is the eDoc case number (ContentData's CaseID); {@code recipientName} is
     * optional. {@link #toString()} leaves out the recipient's id and the content.
     */
    record Letter(String recipientId, IdType recipientIdType, String recipientName, String label, boolean legalNotification,
                  String caseNumber, byte[] pdf, String filename) {

        /** A letter to a citizen by CPR number. */
        public static Letter toCitizen(String cpr, String name, String label, boolean legalNotification, String caseNumber,
                                       byte[] pdf, String filename) {
            return new Letter(cpr, IdType.CPR, name, label, legalNotification, caseNumber, pdf, filename);
        }

        /** A letter to a company or organisation by CVR number. */
        public static Letter toCompany(String cvr, String name, String label, String caseNumber, byte[] pdf, String filename) {
            return new Letter(cvr, IdType.CVR, name, label, false, caseNumber, pdf, filename);
        }

        @Override
        public String toString() {
            return "Letter[" + label + ", to " + recipientIdType + ", case " + caseNumber + ", " + filename + "]";
        }
    }

    /**
     * Sends the letter; returns Digital Post's message id. The message UUID is derived from the idempotency key,
     * so a retried job sends the same message again and Digital Post delivers it once.
     */
    String send(Letter letter, String idempotencyKey);
}
