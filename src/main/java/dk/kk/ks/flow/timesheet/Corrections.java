package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.kk.ks.flow.platform.DanishTexts;

/**
 * The caseworker's corrections as typed in the review form, one per line: a date, a category and the
 * right number of hours, e.g. {@code 26-03-2027 aften 5,5} (or the ISO date {@code 2027-03-26}). Categories in Danish or
 * as their codes.
 */
final class Corrections {

    /** One correction: the hours of a date and category. */
    record Correction(LocalDate date, Category category, BigDecimal hours) {
    }

    private static final Map<String, Category> NAMES = Map.ofEntries(
            Map.entry("aften", Category.EVENING), Map.entry("nat", Category.NIGHT),
            Map.entry("lørdag", Category.SATURDAY), Map.entry("helligdag", Category.SUNDAY_HOLIDAY),
            Map.entry("søndag", Category.SUNDAY_HOLIDAY), Map.entry("overarbejde50", Category.OVERTIME_50),
            Map.entry("overarbejde100", Category.OVERTIME_100));

    private Corrections() {
    }

    /** @throws IllegalArgumentException naming the line (1-based) that cannot be read, in Danish */
    static List<Correction> parse(String text) {
        List<Correction> corrections = new ArrayList<>();
        if (text == null) {
            return corrections;
        }
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Linje " + (i + 1) + " skal have dato, kategori og timer: \"" + line + "\"");
            }
            corrections.add(new Correction(date(parts[0], i), category(parts[1], i), hours(parts[2], i)));
        }
        return corrections;
    }

    private static LocalDate date(String text, int line) {
        try {
            return DanishTexts.parseDate(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Linje " + (line + 1) + ": datoen skal skrives dd-mm-åååå, ikke \"" + text + "\"");
        }
    }

    private static Category category(String text, int line) {
        String key = text.toLowerCase(Locale.ROOT);
        Category category = NAMES.get(key);
        if (category != null) {
            return category;
        }
        try {
            return Category.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Linje " + (line + 1) + ": ukendt kategori \"" + text + "\"");
        }
    }

    private static BigDecimal hours(String text, int line) {
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Linje " + (line + 1) + ": timer skal være et tal, ikke \"" + text + "\"");
        }
    }
}
