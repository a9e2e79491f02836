package dk.kk.ks.flow.timesheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgreementsTest {

    private final AgreementRules kkStandard = TimesheetFixtures.kkStandard();
    private final Agreements agreements = new Agreements(Map.of("KK-STANDARD", kkStandard, "A-OTHER", kkStandard));

    @Test
    void looksAgreementsUpByCode() {
        assertThat(agreements.get("KK-STANDARD")).isSameAs(kkStandard);
        assertThat(agreements.find("KK-STANDARD")).containsSame(kkStandard);
        assertThat(agreements.contains("KK-STANDARD")).isTrue();
        assertThat(agreements.codes()).containsExactly("A-OTHER", "KK-STANDARD");
    }

    @Test
    void anUnknownCodeIsNotFound() {
        assertThat(agreements.find("kk-standard")).isEmpty();
        assertThat(agreements.find(null)).isEmpty();
        assertThat(agreements.contains("NOPE")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> agreements.get("NOPE"))
                .withMessageContaining("NOPE");
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyCategoryNeedsARate(Category missing) {
        Map<Category, BigDecimal> rates = new EnumMap<>(kkStandard.rates());
        rates.remove(missing);

        assertThatIllegalArgumentException().isThrownBy(() -> withRates(rates))
                .withMessageContaining(missing.name());
    }

    @Test
    void aNegativeRateIsRejected() {
        Map<Category, BigDecimal> rates = new EnumMap<>(kkStandard.rates());
        rates.put(Category.NIGHT, new BigDecimal("-0.01"));

        assertThatIllegalArgumentException().isThrownBy(() -> withRates(rates));
    }

    private AgreementRules withRates(Map<Category, BigDecimal> rates) {
        return new AgreementRules(kkStandard.countingUnit(), kkStandard.eveningFrom(), kkStandard.eveningTo(),
                kkStandard.christmasEveEveningFrom(), kkStandard.nightFrom(), kkStandard.nightTo(),
                kkStandard.saturdayFrom(), rates);
    }
}
