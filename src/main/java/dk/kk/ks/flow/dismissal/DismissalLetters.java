package dk.kk.ks.flow.dismissal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.TextTemplates;

/**
 * The letters of a dismissal case, in Danish, from the text templates under src/main/resources/letters/ (which a
 * non-programmer can edit, see the README there), rendered to PDF. Pure: no I/O besides reading the templates and fonts.
 */
@Component
public class DismissalLetters {

    /** The hearing deadline the state guidance and FOA practice give (docs/rules.md, "Involuntary dismissals"). */
    public static final int DEFAULT_HEARING_DAYS = 14;

    public static final String SENDER = "Københavns Kommune, Koncernservice";

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^# ");

    /** The hearing letter (partshøring, Forvaltningsloven § 19). */
    public record HearingLetter(String employeeName, String reasons, LocalDate letterDate, LocalDate hearingDeadline) {

        /** A hearing letter with the default deadline: {@value #DEFAULT_HEARING_DAYS} days after the letter. */
        public static HearingLetter withDefaultDeadline(String employeeName, String reasons, LocalDate letterDate) {
            return new HearingLetter(employeeName, reasons, letterDate, letterDate.plusDays(DEFAULT_HEARING_DAYS));
        }
    }

    /**
     * The dismissal letter: notice in months (to the end of a month) or, during probation, in days; severance in
     * months' pay, 0 for none.
     */
    public record DismissalLetter(String employeeName, String reasons, LocalDate letterDate, int noticeMonths, int noticeDays,
                                  LocalDate terminationDate, int severanceMonths) {

        public static DismissalLetter of(String employeeName, String reasons, LocalDate letterDate, NoticeCalculation notice) {
            return new DismissalLetter(employeeName, reasons, letterDate, notice.noticeMonths(), notice.noticeDays(),
                    notice.terminationDate(), notice.severanceMonths());
        }
    }

    /** The letter telling the employee that the intended dismissal is withdrawn, with the caseworker's justification. */
    public record WithdrawalLetter(String employeeName, LocalDate letterDate, String justification) {
    }

    private final TextTemplates templates = new TextTemplates("letters");
    private final PdfLetterWriter pdf = new PdfLetterWriter();

    public byte[] hearingLetter(HearingLetter letter) {
        return pdf.write("Partshøring om påtænkt afskedigelse", hearingLetterText(letter));
    }

    public byte[] dismissalLetter(DismissalLetter letter) {
        return pdf.write("Afskedigelse", dismissalLetterText(letter));
    }

    public byte[] withdrawalLetter(WithdrawalLetter letter) {
        return pdf.write("Den påtænkte afskedigelse bortfalder", withdrawalLetterText(letter));
    }

    /** The hearing letter's text (a preview for the caseworker). */
    public String hearingLetterText(HearingLetter letter) {
        Map<String, Object> fields = common(letter.employeeName(), letter.letterDate());
        fields.put("reasons", letter.reasons());
        fields.put("hearingDeadline", date(letter.hearingDeadline()));
        fields.put("hearingDays", java.time.temporal.ChronoUnit.DAYS.between(letter.letterDate(), letter.hearingDeadline()));
        return render("hearing", fields);
    }

    /**
     * The hearing letter as the employee reads it, for the caseworker's check in Tasklist: the text of the PDF, with its
     * headings as plain lines (the template's "# " marks a heading for the PDF, which a form would show as it is).
     */
    public String hearingLetterPreview(HearingLetter letter) {
        return HEADING_MARK.matcher(hearingLetterText(letter)).replaceAll("");
    }

    public String dismissalLetterText(DismissalLetter letter) {
        Map<String, Object> fields = common(letter.employeeName(), letter.letterDate());
        fields.put("reasons", letter.reasons());
        fields.put("notice", notice(letter.noticeMonths(), letter.noticeDays()));
        fields.put("terminationDate", date(letter.terminationDate()));
        fields.put("severanceMonths", letter.severanceMonths());
        fields.put("severance", letter.severanceMonths() + (letter.severanceMonths() == 1 ? " måneds løn" : " måneders løn"));
        return render("dismissal", fields);
    }

    public String withdrawalLetterText(WithdrawalLetter letter) {
        Map<String, Object> fields = common(letter.employeeName(), letter.letterDate());
        fields.put("justification", letter.justification() == null ? "" : letter.justification());
        return render("withdrawal", fields);
    }

    /** "1 måned", "3 måneder", "14 dage". */
    static String notice(int months, int days) {
        if (months > 0) {
            return months + (months == 1 ? " måned" : " måneder");
        }
        return days + (days == 1 ? " dag" : " dage");
    }

    /** "27. november 2026". */
    static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static Map<String, Object> common(String employeeName, LocalDate letterDate) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sender", SENDER);
        fields.put("employeeName", employeeName);
        fields.put("letterDate", date(letterDate));
        return fields;
    }

    private String render(String template, Map<String, Object> fields) {
        return templates.render(template, fields);
    }
}
