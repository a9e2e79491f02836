package dk.kk.ks.flow.timesheet;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dk.kk.ks.flow.calendar.HolidayCalendar;

/**
 * Which categories a minute earns, and where the windows begin and end, under one agreement.
 * One instance per calculation (it caches holiday look-ups).
 */
class SupplementWindows {

    private static final MonthDay CHRISTMAS_EVE = MonthDay.of(12, 24);

    private final AgreementRules rules;
    private final HolidayCalendar calendar;
    private final Map<LocalDate, Optional<LocalTime>> holidayStarts = new HashMap<>();

    SupplementWindows(AgreementRules rules, HolidayCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    /** The categories earned by the minute starting at {@code at}. */
    Set<Category> categoriesAt(LocalDateTime at, Kind kind) {
        LocalDate date = at.toLocalDate();
        LocalTime time = at.toLocalTime();
        boolean sundayHoliday = isSundayOrHolidayTime(date, time);
        if (kind == Kind.OVERTIME) {
            return EnumSet.of(sundayHoliday ? Category.OVERTIME_100 : Category.OVERTIME_50);
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (evening(date).contains(time)) {
            categories.add(Category.EVENING);
        }
        if (night().contains(time)) {
            categories.add(Category.NIGHT);
        }
        if (sundayHoliday) {
            categories.add(Category.SUNDAY_HOLIDAY);
        } else if (date.getDayOfWeek() == DayOfWeek.SATURDAY && saturday().contains(time)) {
            categories.add(Category.SATURDAY);
        }
        return categories;
    }

    /**
     * Every instant strictly between {@code start} and {@code end} where a window begins or
     * ends (midnight included), in order. Between two consecutive ones the categories do not
     * change.
     */
    List<LocalDateTime> boundariesBetween(LocalDateTime start, LocalDateTime end) {
        TreeSet<LocalDateTime> boundaries = new TreeSet<>();
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            for (LocalTime time : boundaryTimes(date)) {
                LocalDateTime boundary = date.atTime(time);
                if (boundary.isAfter(start) && boundary.isBefore(end)) {
                    boundaries.add(boundary);
                }
            }
        }
        return List.copyOf(boundaries);
    }

    private List<LocalTime> boundaryTimes(LocalDate date) {
        List<LocalTime> times = new ArrayList<>();
        times.add(LocalTime.MIDNIGHT);
        times.addAll(evening(date).boundaries());
        times.addAll(night().boundaries());
        times.addAll(saturday().boundaries());
        holidayStart(date).ifPresent(times::add);
        return times;
    }

    private boolean isSundayOrHolidayTime(LocalDate date, LocalTime time) {
        return date.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidayStart(date).map(start -> !time.isBefore(start)).orElse(false);
    }

    private TimeWindow evening(LocalDate date) {
        LocalTime from = MonthDay.from(date).equals(CHRISTMAS_EVE)
                ? rules.christmasEveEveningFrom()
                : rules.eveningFrom();
        return new TimeWindow(from, rules.eveningTo());
    }

    private TimeWindow night() {
        return new TimeWindow(rules.nightFrom(), rules.nightTo());
    }

    private TimeWindow saturday() {
        return TimeWindow.untilMidnight(rules.saturdayFrom());
    }

    private Optional<LocalTime> holidayStart(LocalDate date) {
        return holidayStarts.computeIfAbsent(date, calendar::holidayStart);
    }
}
