package dk.kk.ks.flow.dismissal;

import dk.kk.ks.flow.platform.Var;

/**
 * The letters of a dismissal case: their title and file name in eDoc, and where the journalised PDF is kept. The
 * diagram's Digital Post steps (from the element template) send that PDF under the same title and file name.
 */
enum Letter {
    HEARING("Partshøring om påtænkt afskedigelse", "Partshøring", "partshoering.pdf"),
    DISMISSAL("Afskedigelse", "Afskedigelse", "afskedigelse.pdf"),
    WITHDRAWAL("Den påtænkte afskedigelse bortfalder", "Tilbagekaldelse", "tilbagekaldelse.pdf");

    final String title;
    final String documentType;
    final String filename;
    /** The PDF as journalised, so the letter sent is the very document on the eDoc case. */
    final Var<byte[]> pdf;

    Letter(String title, String documentType, String filename) {
        this.title = title;
        this.documentType = documentType;
        this.filename = filename;
        this.pdf = Var.of(name().toLowerCase(java.util.Locale.ROOT) + "LetterPdf", byte[].class);
    }
}
