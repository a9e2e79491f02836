package dk.kk.ks.flow.posting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The validations of a posting (docs/rules.md, "Postings"), all reported at once. Pure: master data comes
 * through {@link MasterData}, asked only for what an applicable rule needs.
 */
final class PostingValidator {

    /** The rules, in the order they are reported. */
    enum Rule {
        /** At least two lines. */
        TOO_FEW_LINES,
        /** The lines sum to exactly 0.00. */
        UNBALANCED,
        /** Every account exists and is active in Opus. */
        UNKNOWN_ACCOUNT,
        /** Every cost centre is active. */
        INACTIVE_COST_CENTER,
        /** The posting period (the month of postingDate) is open. */
        PERIOD_CLOSED,
        /** Each line's VAT code is allowed on its account (checked on the accounts that exist and are active). */
        INVALID_VAT_CODE
    }

    /** What the validator needs to know from Opus Økonomi. */
    interface MasterData {

        /** Whether the account exists and is active. */
        boolean accountActive(String account);

        /** The VAT codes allowed on an account that exists. */
        Set<String> vatCodes(String account);

        /** Whether the cost centre exists and is active. */
        boolean costCenterActive(String costCenter);

        boolean periodOpen(YearMonth period);
    }

    private PostingValidator() {
    }

    /** The rules of the given codes (from the decision table); an unknown code is a modelling error. */
    static Set<Rule> rules(Collection<String> codes) {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        for (String code : codes) {
            try {
                rules.add(Rule.valueOf(code));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException("Unknown posting validation '" + code + "'; known: " + List.of(Rule.values()));
            }
        }
        return rules;
    }

    /** Every applicable rule the posting breaks, each once, in the order of {@link Rule}; empty: valid. */
    static List<Rule> validate(LocalDate postingDate, List<PostingLine> lines, MasterData masterData, Set<Rule> applicable) {
        List<Rule> broken = new ArrayList<>();
        if (applicable.contains(Rule.TOO_FEW_LINES) && lines.size() < 2) {
            broken.add(Rule.TOO_FEW_LINES);
        }
        if (applicable.contains(Rule.UNBALANCED) && sum(lines).signum() != 0) {
            broken.add(Rule.UNBALANCED);
        }
        if (applicable.contains(Rule.UNKNOWN_ACCOUNT)
                && lines.stream().anyMatch(line -> !masterData.accountActive(line.account()))) {
            broken.add(Rule.UNKNOWN_ACCOUNT);
        }
        if (applicable.contains(Rule.INACTIVE_COST_CENTER)
                && lines.stream().anyMatch(line -> !masterData.costCenterActive(line.costCenter()))) {
            broken.add(Rule.INACTIVE_COST_CENTER);
        }
        if (applicable.contains(Rule.PERIOD_CLOSED) && !masterData.periodOpen(YearMonth.from(postingDate))) {
            broken.add(Rule.PERIOD_CLOSED);
        }
        if (applicable.contains(Rule.INVALID_VAT_CODE) && lines.stream()
                .filter(line -> masterData.accountActive(line.account()))
                .anyMatch(line -> !masterData.vatCodes(line.account()).contains(line.vatCode()))) {
            broken.add(Rule.INVALID_VAT_CODE);
        }
        return List.copyOf(broken);
    }

    /** The sum of the lines, exact. */
    static BigDecimal sum(List<PostingLine> lines) {
        return lines.stream().map(PostingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of the debit (positive) lines: what the review threshold compares. */
    static BigDecimal debitTotal(List<PostingLine> lines) {
        return lines.stream().map(PostingLine::amount).filter(amount -> amount.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
