package dk.kk.ks.flow.timesheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorrectionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2027-03-26 aften 5,5        | EVENING        | 5.5",
            "26-03-2027 aften 5,5        | EVENING        | 5.5",
            "2027-03-26 Nat 0.25         | NIGHT          | 0.25",
            "2027-03-26 lørdag 8         | SATURDAY       | 8",
            "2027-03-26 helligdag 7,75   | SUNDAY_HOLIDAY | 7.75",
            "2027-03-26 overarbejde50 2  | OVERTIME_50    | 2",
            "2027-03-26 OVERTIME_100 1   | OVERTIME_100   | 1"})
    void aLineIsADateACategoryAndHours(String line, Category category, String hours) {
        assertThat(Corrections.parse(line)).singleElement().satisfies(correction -> {
            assertThat(correction.date()).isEqualTo(LocalDate.of(2027, 3, 26));
            assertThat(correction.category()).isEqualTo(category);
            assertThat(correction.hours()).isEqualByComparingTo(hours);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "32-03-2027 aften 5 | datoen",
            "2027-03-26 morgen 5 | ukendt kategori",
            "2027-03-26 aften fem | timer skal være et tal",
            "2027-03-26 aften | dato, kategori og timer"})
    void anUnreadableLineIsNamedInDanish(String line, String message) {
        assertThatThrownBy(() -> Corrections.parse("2027-03-26 nat 1\n" + line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Linje 2").hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void blankLinesAreSkipped() {
        assertThat(Corrections.parse("\n2027-03-26 aften 1\n\n2027-03-27 nat 2\n")).hasSize(2);
    }
}
