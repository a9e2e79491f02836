package dk.kk.ks.flow.dismissal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out a letter's text on A4 pages with PDFBox: paragraphs wrapped to the margins, a line starting with "# "
 * as a bold heading, blank lines as paragraph breaks. The DejaVu Sans fonts (src/main/resources/fonts/, with their
 * licence) are embedded, so æ, ø and å print on any machine.
 */
final class PdfLetterWriter {

    private static final float MARGIN = 70;
    private static final float FONT_SIZE = 11;
    private static final float HEADING_SIZE = 14;
    private static final float LEADING = 1.4f;

    private final byte[] regular = font("fonts/DejaVuSans.ttf");
    private final byte[] bold = font("fonts/DejaVuSans-Bold.ttf");

    byte[] write(String title, String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(DismissalLetters.SENDER);
            PDFont body = PDType0Font.load(document, new java.io.ByteArrayInputStream(regular));
            PDFont heading = PDType0Font.load(document, new java.io.ByteArrayInputStream(bold));
            new Layout(document, body, heading).write(text);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the letter as PDF", e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfLetterWriter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Layout {

        private final PDDocument document;
        private final PDFont body;
        private final PDFont heading;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document, PDFont body, PDFont heading) {
            this.document = document;
            this.body = body;
            this.heading = heading;
        }

        void write(String text) throws IOException {
            newPage();
            boolean lastBlank = false;
            for (String line : text.replace("\r", "").split("\n", -1)) {
                if (line.isBlank()) {
                    if (!lastBlank) {
                        y -= FONT_SIZE * LEADING * 0.8f;
                    }
                    lastBlank = true;
                    continue;
                }
                lastBlank = false;
                if (line.startsWith("# ")) {
                    y -= HEADING_SIZE * 0.5f;
                    paragraph(line.substring(2).strip(), heading, HEADING_SIZE);
                    y -= HEADING_SIZE * 0.3f;
                } else {
                    paragraph(line.strip(), body, FONT_SIZE);
                }
            }
            stream.close();
        }

        private void paragraph(String text, PDFont font, float size) throws IOException {
            for (String line : wrap(printable(text, font), font, size)) {
                if (y - size * LEADING < MARGIN) {
                    stream.close();
                    newPage();
                }
                y -= size * LEADING;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
            }
        }

        /** The line, with any character the font has no glyph for (an emoji, a control character) as "?". */
        private static String printable(String line, PDFont font) {
            try {
                font.encode(line);
                return line;
            } catch (IOException | IllegalArgumentException missingGlyph) {
                StringBuilder printable = new StringBuilder();
                line.codePoints().forEach(codePoint -> {
                    String character = new String(Character.toChars(codePoint));
                    try {
                        font.encode(character);
                        printable.append(character);
                    } catch (IOException | IllegalArgumentException e) {
                        printable.append('?');
                    }
                });
                return printable.toString();
            }
        }

        private List<String> wrap(String text, PDFont font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }
}
