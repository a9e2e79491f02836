package dk.kk.ks.flow.dismissal;

import dk.kk.ks.flow.platform.Var;

/**
 * The letters of a dismissal case and the variable that keeps each one's PDF. A "Skriv ...brev" step writes the PDF
 * once; the diagram's eDoc step (from the element template) journalises that very PDF and its Digital Post steps send
 * it, so the letter sent is the document on the eDoc case. The title, document type and file name are the diagram's.
 */
enum Letter {
    HEARING, DISMISSAL, WITHDRAWAL;

    /** The letter's PDF: {@code hearingLetterPdf}, {@code dismissalLetterPdf}, {@code withdrawalLetterPdf}. */
    final Var<byte[]> pdf = Var.of(name().toLowerCase(java.util.Locale.ROOT) + "LetterPdf", byte[].class);
}
