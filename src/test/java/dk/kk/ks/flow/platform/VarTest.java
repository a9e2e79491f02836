package dk.kk.ks.flow.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VarTest {

    private static final Var<List<String>> REASONS = Var.stringList("reasons");
    private static final Var<Double> AMOUNT = Var.of("amount", Double.class);

    @Test
    void aListOfTextsIsReadAsItIs() {
        assertThat(REASONS.from(Map.of("reasons", List.of("OVER_LIMIT", "NO_RECEIPT")))).containsExactly("OVER_LIMIT", "NO_RECEIPT");
        assertThat(REASONS.from(Map.of())).isNull();
    }

    @Test
    void aListOfTextsHoldingAnythingElseIsRefusedByName() {
        // as a variable changed through /engine-rest to [1, {"a": 2}] reads back
        assertThatThrownBy(() -> REASONS.from(Map.of("reasons", List.of("OVER_LIMIT", 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'reasons'").hasMessageContaining("Integer");
        assertThatThrownBy(() -> REASONS.from(Map.of("reasons", List.of(Map.of("a", 2)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'reasons'");
        assertThatThrownBy(() -> REASONS.from(Map.of("reasons", Arrays.asList("OVER_LIMIT", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> REASONS.from(Map.of("reasons", "OVER_LIMIT")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected List");
    }

    @Test
    void aNumberIsReadAsTheDeclaredType() {
        assertThat(AMOUNT.from(Map.of("amount", 12))).isEqualTo(12.0);
        assertThatThrownBy(() -> AMOUNT.from(Map.of("amount", "12"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'amount'");
    }
}
