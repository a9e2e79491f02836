package dk.kk.ks.flow.platform.deployment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the engine keeps a finished case's history: a whole number of days, written {@code 730} or {@code P730D},
 * from one day up to KS's retention of two years. A longer time (or an expression the engine would work out later)
 * would keep personal data past the period KS may keep it, so a deployment that asks for it is refused.
 */
final class HistoryRetention {

    static final int MAX_DAYS = 730;
    private static final Pattern DAYS = Pattern.compile("(?:P(\\d{1,6})D|(\\d{1,6}))");

    private HistoryRetention() {
    }

    /** The problem with the value, in Danish, or null when it is a history time to live KS allows. */
    static String problem(String value, String what) {
        if (value == null || value.isBlank()) {
            return what + " har ingen historiklevetid (camunda:historyTimeToLive)";
        }
        Matcher days = DAYS.matcher(value.strip());
        if (!days.matches()) {
            return "historiklevetiden '" + value + "' skal være et antal dage, fx P730D";
        }
        int number = Integer.parseInt(days.group(1) != null ? days.group(1) : days.group(2));
        if (number < 1 || number > MAX_DAYS) {
            return "historiklevetiden " + number + " dage skal være mellem 1 og " + MAX_DAYS + " dage";
        }
        return null;
    }
}
