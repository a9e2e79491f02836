package dk.kk.ks.flow.dismissal;

import dk.kk.ks.flow.platform.Var;

/** The letters of a dismissal case: their title in eDoc and Digital Post, file name, and where the journalised PDF is kept. */
enum Letter {
    HEARING("Partshøring om påtænkt afskedigelse", "Partshøring", "partshoering.pdf", true),
    DISMISSAL("Afskedigelse", "Afskedigelse", "afskedigelse.pdf", true),
    WITHDRAWAL("Den påtænkte afskedigelse bortfalder", "Tilbagekaldelse", "tilbagekaldelse.pdf", false);

    final String title;
    final String documentType;
    final String filename;
    /** A legal notification (retsvirkning) in Digital Post: a decision or a hearing with a deadline. */
    final boolean legalNotification;
    /** The PDF as journalised, so the letter sent is the very document on the eDoc case. */
    final Var<byte[]> pdf;

    Letter(String title, String documentType, String filename, boolean legalNotification) {
        this.title = title;
        this.documentType = documentType;
        this.filename = filename;
        this.legalNotification = legalNotification;
        this.pdf = Var.of(name().toLowerCase(java.util.Locale.ROOT) + "LetterPdf", byte[].class);
    }
}
