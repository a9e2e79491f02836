package dk.kk.ks.flow.posting;

import static dk.kk.ks.flow.posting.PostingValidator.Rule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.kk.ks.flow.posting.PostingValidator.Rule;

class PostingValidatorTest {

    private static final LocalDate MARCH = LocalDate.of(2027, 3, 15);
    private static final Set<Rule> ALL = EnumSet.allOf(Rule.class);

    /** Opus as seeded: two active accounts, one inactive; two active cost centres, one inactive; March open. */
    private static final PostingValidator.MasterData OPUS = new PostingValidator.MasterData() {
        private final Map<String, Set<String>> active = Map.of("44120000", Set.of("I25"), "44130000", Set.of("I25", "I0"));

        @Override
        public boolean accountActive(String account) {
            return active.containsKey(account);
        }

        @Override
        public Set<String> vatCodes(String account) {
            return "49990000".equals(account) ? Set.of("I25") : active.getOrDefault(account, Set.of());
        }

        @Override
        public boolean costCenterActive(String costCenter) {
            return Set.of("1010101010", "1010202020").contains(costCenter);
        }

        @Override
        public boolean periodOpen(YearMonth period) {
            return period.equals(YearMonth.of(2027, 3));
        }
    };

    static Stream<Arguments> eachRuleAlone() {
        return Stream.of(
                Arguments.of("valid", MARCH, lines(line("1500.00"), line("-1500.00")), List.of()),
                Arguments.of("one line", MARCH, lines(line("0.00")), List.of(TOO_FEW_LINES)),
                Arguments.of("no line", MARCH, lines(), List.of(TOO_FEW_LINES)),
                Arguments.of("one øre off", MARCH, lines(line("1500.00"), line("-1499.99")), List.of(UNBALANCED)),
                Arguments.of("unknown account", MARCH,
                        lines(line("1500.00"), line("99999999", "1010202020", "-1500.00", "I25")), List.of(UNKNOWN_ACCOUNT)),
                Arguments.of("inactive account", MARCH,
                        lines(line("1500.00"), line("49990000", "1010202020", "-1500.00", "I25")), List.of(UNKNOWN_ACCOUNT)),
                Arguments.of("inactive cost centre", MARCH,
                        lines(line("1500.00"), line("44120000", "1010999999", "-1500.00", "I25")), List.of(INACTIVE_COST_CENTER)),
                Arguments.of("unknown cost centre", MARCH,
                        lines(line("1500.00"), line("44120000", "0000000000", "-1500.00", "I25")), List.of(INACTIVE_COST_CENTER)),
                Arguments.of("closed period", LocalDate.of(2027, 4, 1), lines(line("1500.00"), line("-1500.00")), List.of(PERIOD_CLOSED)),
                Arguments.of("VAT code not allowed", MARCH,
                        lines(line("1500.00"), line("44120000", "1010202020", "-1500.00", "I0")), List.of(INVALID_VAT_CODE)),
                Arguments.of("VAT code allowed on the other account", MARCH,
                        lines(line("44130000", "1010101010", "1500.00", "I0"), line("-1500.00")), List.of()));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource
    void eachRuleAlone(String name, LocalDate postingDate, List<PostingLine> lines, List<Rule> broken) {
        assertThat(PostingValidator.validate(postingDate, lines, OPUS, ALL)).containsExactlyElementsOf(broken);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceInContractOrder() {
        List<PostingLine> oneBadLine = lines(line("49990000", "1010999999", "100.00", "I25"));

        assertThat(PostingValidator.validate(LocalDate.of(2026, 1, 31), oneBadLine, OPUS, ALL))
                .containsExactly(TOO_FEW_LINES, UNBALANCED, UNKNOWN_ACCOUNT, INACTIVE_COST_CENTER, PERIOD_CLOSED);

        List<PostingLine> everything = lines(line("44120000", "1010999999", "100.00", "U25"), line("99999999", "1010101010", "-50.00", "I25"));
        assertThat(PostingValidator.validate(LocalDate.of(2026, 1, 31), everything, OPUS, ALL))
                .containsExactly(UNBALANCED, UNKNOWN_ACCOUNT, INACTIVE_COST_CENTER, PERIOD_CLOSED, INVALID_VAT_CODE);
    }

    @Test
    void eachRuleIsReportedOnceHoweverManyLinesBreakIt() {
        List<PostingLine> lines = lines(line("99999999", "1010101010", "1.00", "I25"), line("99999998", "1010101010", "-1.00", "I25"));
        assertThat(PostingValidator.validate(MARCH, lines, OPUS, ALL)).containsExactly(UNKNOWN_ACCOUNT);
    }

    @Test
    void tenAndTwentyOereMinusThirtyBalanceExactly() {
        List<PostingLine> lines = lines(line("0.10"), line("0.20"), line("-0.30"));
        assertThat(0.10 + 0.20 - 0.30).as("in binary floating point they would not").isNotZero();

        assertThat(PostingValidator.sum(lines)).isZero();
        assertThat(PostingValidator.validate(MARCH, lines, OPUS, ALL)).isEmpty();
        assertThat(PostingValidator.debitTotal(lines)).isEqualByComparingTo("0.30");
    }

    @Test
    void onlyTheApplicableRulesAreCheckedAndOnlyTheirMasterDataIsAsked() {
        List<PostingLine> bad = lines(line("99999999", "1010999999", "100.00", "XX"));
        List<String> asked = new ArrayList<>();
        PostingValidator.MasterData recording = new PostingValidator.MasterData() {
            @Override
            public boolean accountActive(String account) {
                asked.add("account " + account);
                return false;
            }

            @Override
            public Set<String> vatCodes(String account) {
                asked.add("vat " + account);
                return Set.of();
            }

            @Override
            public boolean costCenterActive(String costCenter) {
                asked.add("cost centre " + costCenter);
                return false;
            }

            @Override
            public boolean periodOpen(YearMonth period) {
                asked.add("period " + period);
                return false;
            }
        };

        assertThat(PostingValidator.validate(MARCH, bad, recording, EnumSet.of(TOO_FEW_LINES, UNBALANCED)))
                .containsExactly(TOO_FEW_LINES, UNBALANCED);
        assertThat(asked).isEmpty();
        assertThat(PostingValidator.validate(MARCH, bad, recording, EnumSet.noneOf(Rule.class))).isEmpty();
        assertThat(PostingValidator.validate(MARCH, bad, recording, EnumSet.of(PERIOD_CLOSED))).containsExactly(PERIOD_CLOSED);
        assertThat(asked).containsExactly("period 2027-03");
    }

    @Test
    void theDebitTotalSumsThePositiveLines() {
        assertThat(PostingValidator.debitTotal(lines(line("100000.00"), line("0.01"), line("-100000.01")))).isEqualByComparingTo("100000.01");
        assertThat(PostingValidator.debitTotal(lines(line("-5.00")))).isZero();
    }

    @Test
    void rulesAreNamedByTheirContractCodes() {
        assertThat(PostingValidator.rules(List.of("UNBALANCED", "PERIOD_CLOSED"))).containsExactlyInAnyOrder(UNBALANCED, PERIOD_CLOSED);
        assertThat(Stream.of(Rule.values()).map(Enum::name)).containsExactly("TOO_FEW_LINES", "UNBALANCED", "UNKNOWN_ACCOUNT",
                "INACTIVE_COST_CENTER", "PERIOD_CLOSED", "INVALID_VAT_CODE");
        assertThatThrownBy(() -> PostingValidator.rules(List.of("BALANCED_ENOUGH"))).hasMessageContaining("BALANCED_ENOUGH");
    }

    static PostingLine line(String amount) {
        return line("44120000", "1010101010", amount, "I25");
    }

    static PostingLine line(String account, String costCenter, String amount, String vatCode) {
        return new PostingLine(account, costCenter, new BigDecimal(amount), vatCode, "tekst");
    }

    @SafeVarargs
    static <T> List<T> lines(T... lines) {
        return List.of(lines);
    }
}
