package dk.kk.ks.flow.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The holidays (helligdage) of Københavns Kommune: the days that earn the Sunday/holiday
 * supplement (docs/rules.md, "Timesheets").
 *
 * <p>When two holidays fall on the same date (1 May and Kristi himmelfartsdag in 2008,
 * Grundlovsdag and 2. pinsedag in 2017, ...), the date appears once: it starts at the
 * earlier of the two start times, and the names are joined with " / ", the holiday that
 * starts first coming first and, at equal start times, the fixed-date holiday before the
 * Easter-dependent one (e.g. "1. maj / Kristi himmelfartsdag", "2. pinsedag / Grundlovsdag").
 */
@Component
public class HolidayCalendar {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;
    static final String NAME_SEPARATOR = " / ";

    /** Store bededag was abolished from 2024. */
    private static final int LAST_YEAR_OF_STORE_BEDEDAG = 2023;

    private static final List<FixedHoliday> FIXED = List.of(
            new FixedHoliday(MonthDay.of(1, 1), "Nytårsdag", LocalTime.MIDNIGHT),
            new FixedHoliday(MonthDay.of(5, 1), "1. maj", LocalTime.MIDNIGHT),
            new FixedHoliday(MonthDay.of(6, 5), "Grundlovsdag", LocalTime.NOON),
            new FixedHoliday(MonthDay.of(12, 25), "Juledag", LocalTime.MIDNIGHT),
            new FixedHoliday(MonthDay.of(12, 26), "2. juledag", LocalTime.MIDNIGHT));

    private static final List<EasterHoliday> MOVABLE = List.of(
            new EasterHoliday(-3, "Skærtorsdag", year -> true),
            new EasterHoliday(-2, "Langfredag", year -> true),
            new EasterHoliday(0, "Påskedag", year -> true),
            new EasterHoliday(1, "2. påskedag", year -> true),
            new EasterHoliday(26, "Store bededag", year -> year <= LAST_YEAR_OF_STORE_BEDEDAG),
            new EasterHoliday(39, "Kristi himmelfartsdag", year -> true),
            new EasterHoliday(49, "Pinsedag", year -> true),
            new EasterHoliday(50, "2. pinsedag", year -> true));

    /**
     * The holidays of {@code year} in date order, at most one per date.
     *
     * @throws IllegalArgumentException when the year is outside {@value #MIN_YEAR}..{@value #MAX_YEAR}
     */
    public List<Holiday> holidays(int year) {
        requireSupported(year);
        Map<LocalDate, List<Candidate>> byDate = new TreeMap<>();
        for (FixedHoliday fixed : FIXED) {
            Candidate candidate = new Candidate(fixed.day().atYear(year), fixed.name(), fixed.from(), true);
            byDate.computeIfAbsent(candidate.date(), d -> new ArrayList<>()).add(candidate);
        }
        LocalDate easter = easterSunday(year);
        for (EasterHoliday movable : MOVABLE) {
            if (movable.observedIn().test(year)) {
                Candidate candidate = new Candidate(
                        easter.plusDays(movable.daysAfterEaster()), movable.name(), LocalTime.MIDNIGHT, false);
                byDate.computeIfAbsent(candidate.date(), d -> new ArrayList<>()).add(candidate);
            }
        }
        return byDate.values().stream().map(HolidayCalendar::merge).toList();
    }

    /**
     * The time from which {@code date} is a holiday, or empty for an ordinary day.
     *
     * @throws IllegalArgumentException when the year is outside {@value #MIN_YEAR}..{@value #MAX_YEAR}
     */
    public Optional<LocalTime> holidayStart(LocalDate date) {
        return holidays(date.getYear()).stream()
                .filter(holiday -> holiday.date().equals(date))
                .map(Holiday::from)
                .findFirst();
    }

    /**
     * Easter Sunday (Gregorian calendar) by the anonymous Gregorian algorithm
     * (Meeus/Jones/Butcher).
     *
     * @throws IllegalArgumentException when the year is outside {@value #MIN_YEAR}..{@value #MAX_YEAR}
     */
    public static LocalDate easterSunday(int year) {
        requireSupported(year);
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static void requireSupported(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "year must be between " + MIN_YEAR + " and " + MAX_YEAR + ": " + year);
        }
    }

    private static Holiday merge(List<Candidate> sameDate) {
        List<Candidate> ordered = sameDate.stream()
                .sorted(Comparator.comparing(Candidate::from)
                        .thenComparing(Candidate::fixedDate, Comparator.reverseOrder()))
                .toList();
        Candidate first = ordered.get(0);
        String name = ordered.stream().map(Candidate::name).collect(Collectors.joining(NAME_SEPARATOR));
        return new Holiday(first.date(), name, first.from());
    }

    private record FixedHoliday(MonthDay day, String name, LocalTime from) {
    }

    private record EasterHoliday(int daysAfterEaster, String name, IntPredicate observedIn) {
    }

    private record Candidate(LocalDate date, String name, LocalTime from, boolean fixedDate) {
    }
}
