package dk.kk.ks.flow.integration.edoc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * eDoc, the municipality's records system (ESDH): the operations the application needs. No public eDoc
 * API exists; the wire contract is this application's assumption (docs/edoc-contract.md), so the real
 * connector (eDoc's SOA services or the SF2900 distribution service) is one adapter behind this port.
 */
public interface EdocPort {

    /** KLE 81.03.00: the subject key of a personnel case. */
    String KLE_PERSONNEL_CASE = "81.03.00";

    /** The person a case is about. {@link #toString()} leaves out the CPR number. */
    record Party(String cpr, String name) {

        @Override
        public String toString() {
            return "Party[" + name + "]";
        }
    }

    /** A document to journalise: a title, the document type (e.g. "Partshøring") and the PDF. */
    record NewDocument(String title, String documentType, String filename, byte[] content) {

        @Override
        public String toString() {
            return "NewDocument[" + title + ", " + documentType + ", " + filename + ", " + (content == null ? 0 : content.length) + " bytes]";
        }
    }

    /** A journalised document as eDoc lists it on its case (without the content). */
    record Document(String documentId, String title, String documentType, String filename, OffsetDateTime journalisedAt) {
    }

    /** A case with its documents. */
    record Case(String caseNumber, String title, String kle, Party party, List<Document> documents) {
    }

    /**
     * Creates a personnel case (KLE 81.03.00) with the employee as party; returns the case number. The same
     * idempotency key again returns the first case's number and creates nothing.
     */
    String createPersonnelCase(String title, Party party, String idempotencyKey);

    /** Journalises a document on a case; returns its document id. eDoc refuses an unknown case (ExternalRejectionException). */
    String journalise(String caseNumber, NewDocument document, String idempotencyKey);

    /** The case with its documents, or empty when eDoc does not know the number. */
    Optional<Case> readCase(String caseNumber);
}
