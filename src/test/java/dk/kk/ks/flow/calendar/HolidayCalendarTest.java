package dk.kk.ks.flow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayCalendarTest {

    private final HolidayCalendar calendar = new HolidayCalendar();

    /**
     * Easter Sunday as published (and cross-checked with python-dateutil's easter(), which
     * implements a different algorithm than the one under test).
     */
    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "1900, 1900-04-15",
            "1943, 1943-04-25", // latest possible date
            "1961, 1961-04-02",
            "2000, 2000-04-23",
            "2002, 2002-03-31",
            "2008, 2008-03-23",
            "2010, 2010-04-04",
            "2011, 2011-04-24",
            "2012, 2012-04-08",
            "2013, 2013-03-31",
            "2014, 2014-04-20",
            "2015, 2015-04-05",
            "2016, 2016-03-27",
            "2017, 2017-04-16",
            "2018, 2018-04-01",
            "2019, 2019-04-21",
            "2020, 2020-04-12",
            "2021, 2021-04-04",
            "2022, 2022-04-17",
            "2023, 2023-04-09",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2028, 2028-04-16",
            "2029, 2029-04-01",
            "2030, 2030-04-21",
            "2038, 2038-04-25",
            "2100, 2100-03-28",
            "2200, 2200-04-06",
    })
    void easterSunday(int year, LocalDate expected) {
        assertThat(HolidayCalendar.easterSunday(year)).isEqualTo(expected);
        assertThat(calendar.holidays(year))
                .contains(new Holiday(expected, "Påskedag", LocalTime.MIDNIGHT));
    }

    @Test
    void easterIsAlwaysASundayBetween22MarchAnd25April() {
        IntStream.rangeClosed(HolidayCalendar.MIN_YEAR, HolidayCalendar.MAX_YEAR).forEach(year -> {
            LocalDate easter = HolidayCalendar.easterSunday(year);
            assertThat(easter.getDayOfWeek()).as("Easter %d", year).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).as("Easter %d", year)
                    .isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
        });
    }

    @Test
    void year2027MatchesTheContractExample() {
        assertThat(calendar.holidays(2027)).containsExactly(
                holiday("2027-01-01", "Nytårsdag"),
                holiday("2027-03-25", "Skærtorsdag"),
                holiday("2027-03-26", "Langfredag"),
                holiday("2027-03-28", "Påskedag"),
                holiday("2027-03-29", "2. påskedag"),
                holiday("2027-05-01", "1. maj"),
                holiday("2027-05-06", "Kristi himmelfartsdag"),
                holiday("2027-05-16", "Pinsedag"),
                holiday("2027-05-17", "2. pinsedag"),
                new Holiday(LocalDate.parse("2027-06-05"), "Grundlovsdag", LocalTime.NOON),
                holiday("2027-12-25", "Juledag"),
                holiday("2027-12-26", "2. juledag"));
    }

    @Test
    void storeBededagIsAHolidayIn2023ButNotFrom2024() {
        assertThat(calendar.holidays(2023)).contains(holiday("2023-05-05", "Store bededag"));
        assertThat(calendar.holidays(2023)).hasSize(13);

        assertThat(calendar.holidays(2024)).extracting(Holiday::name).doesNotContain("Store bededag");
        assertThat(calendar.holidayStart(LocalDate.parse("2024-04-26"))).isEmpty();
        assertThat(calendar.holidays(2024)).hasSize(12);
    }

    @Test
    void grundlovsdagStartsAtNoon() {
        assertThat(calendar.holidayStart(LocalDate.parse("2026-06-05"))).contains(LocalTime.NOON);
        assertThat(calendar.holidays(2026))
                .contains(new Holiday(LocalDate.parse("2026-06-05"), "Grundlovsdag", LocalTime.NOON));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2027-03-26 | 00:00", // Langfredag
            "2027-03-27 |",       // ordinary Saturday between Langfredag and Påskedag
            "2027-06-05 | 12:00", // Grundlovsdag
            "2027-12-24 |",       // juleaftensdag is an ordinary day in KK-STANDARD
            "2027-12-31 |",
            "2027-12-25 | 00:00",
            "2027-05-01 | 00:00",
            "2027-03-07 |",       // an ordinary Sunday is not a holiday (it is a Sunday)
    })
    void holidayStart(LocalDate date, LocalTime expected) {
        if (expected == null) {
            assertThat(calendar.holidayStart(date)).isEmpty();
        } else {
            assertThat(calendar.holidayStart(date)).contains(expected);
        }
    }

    @ParameterizedTest(name = "{0}: {1} from {2}")
    @CsvSource(delimiter = '|', value = {
            "2008-05-01 | 1. maj / Kristi himmelfartsdag | 00:00",
            "2015-05-01 | 1. maj / Store bededag         | 00:00",
            "2017-06-05 | 2. pinsedag / Grundlovsdag     | 00:00",
            "2022-06-05 | Pinsedag / Grundlovsdag        | 00:00",
    })
    void coincidingHolidaysAreMergedIntoOneEntry(LocalDate date, String name, LocalTime from) {
        List<Holiday> holidays = calendar.holidays(date.getYear());

        assertThat(holidays).filteredOn(holiday -> holiday.date().equals(date))
                .containsExactly(new Holiday(date, name, from));
        assertThat(calendar.holidayStart(date)).contains(from);
    }

    @Test
    void everySupportedYearIsInStrictDateOrderWithinTheYear() {
        IntStream.rangeClosed(HolidayCalendar.MIN_YEAR, HolidayCalendar.MAX_YEAR).forEach(year -> {
            List<Holiday> holidays = calendar.holidays(year);
            assertThat(holidays).extracting(Holiday::date).as("year %d", year)
                    .isSortedAccordingTo(LocalDate::compareTo)
                    .doesNotHaveDuplicates()
                    .allMatch(date -> date.getYear() == year);
            assertThat(holidays).as("year %d", year).hasSizeBetween(11, 13);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1899, 2201, 0, -1, Integer.MAX_VALUE})
    void yearsOutsideTheSupportedRangeAreRejected(int year) {
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.holidays(year));
        assertThatIllegalArgumentException().isThrownBy(() -> HolidayCalendar.easterSunday(year));
    }

    @Test
    void boundaryYearsAreSupported() {
        assertThat(calendar.holidays(1900)).first().isEqualTo(holiday("1900-01-01", "Nytårsdag"));
        assertThat(calendar.holidays(2200)).last().isEqualTo(holiday("2200-12-26", "2. juledag"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.holidayStart(LocalDate.parse("2201-01-01")));
    }

    private static Holiday holiday(String date, String name) {
        return new Holiday(LocalDate.parse(date), name, LocalTime.MIDNIGHT);
    }
}
