package dk.kk.ks.flow.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class VarTest {

    private static final Var<List<String>> REASONS = Var.stringList("reasons");
    private static final Var<Double> AMOUNT = Var.of("amount", Double.class);

    @Test
    void aListOfTextsIsReadAsItIs() {
        assertThat(REASONS.get(scopeWith(List.of("OVER_LIMIT", "NO_RECEIPT")))).containsExactly("OVER_LIMIT", "NO_RECEIPT");
        assertThat(REASONS.from(Map.of("reasons", List.of("OVER_LIMIT")))).containsExactly("OVER_LIMIT");
        assertThat(REASONS.from(Map.of())).isNull();
    }

    @Test
    void aDelegateRefusesAListOfTextsHoldingAnythingElseByName() {
        // as a variable changed through /engine-rest to [1, {"a": 2}] reads back
        assertThatThrownBy(() -> REASONS.get(scopeWith(List.of("OVER_LIMIT", 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'reasons'").hasMessageContaining("Integer");
        assertThatThrownBy(() -> REASONS.require(scopeWith(List.of(Map.of("a", 2)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'reasons'");
        assertThatThrownBy(() -> REASONS.get(scopeWith(Arrays.asList("OVER_LIMIT", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> REASONS.get(scopeWith("OVER_LIMIT")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected List");
    }

    @Test
    void aViewShowsSuchAListAsTextsInsteadOfFailing() {
        assertThat(REASONS.from(Map.of("reasons", Arrays.asList("OVER_LIMIT", 1, null)))).containsExactly("OVER_LIMIT", "1", "null");
    }

    @Test
    void aNumberIsReadAsTheDeclaredType() {
        assertThat(AMOUNT.from(Map.of("amount", 12))).isEqualTo(12.0);
        assertThatThrownBy(() -> AMOUNT.from(Map.of("amount", "12"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'amount'");
    }

    private static VariableScope scopeWith(Object reasons) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable("reasons")).thenReturn(reasons);
        return scope;
    }
}
