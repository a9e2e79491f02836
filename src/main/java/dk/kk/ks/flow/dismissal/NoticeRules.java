package dk.kk.ks.flow.dismissal;

import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers behind an employer's notice (Funktionærloven § 2, stk. 2 and 5) and severance pay (§ 2a).
 * The values live in {@code dismissal-notice.yml}; nothing here is a default.
 *
 * @param steps           notice by seniority on the notice date, in ascending order of {@code under}:
 *                        the first step whose {@code under} the seniority has not reached applies
 * @param otherwiseMonths notice months once the seniority has reached every step's {@code under}
 * @param probationDays   notice days, to any day, during an agreed probation period
 * @param severance       severance by seniority on the termination date, in ascending order of
 *                        {@code atLeast}: the last step reached applies; none reached means no severance
 */
@ConfigurationProperties(prefix = "ksflow.dismissals.notice")
public record NoticeRules(List<Step> steps, int otherwiseMonths, int probationDays, List<SeveranceStep> severance) {

    /** Seniorities ordered by length: months (years counted as 12), then days. */
    private static final Comparator<Period> BY_LENGTH =
            Comparator.comparingLong(Period::toTotalMonths).thenComparingInt(Period::getDays);

    /** Notice of {@code months} while the seniority is under {@code under}. */
    public record Step(Period under, int months) {
        public Step {
            Objects.requireNonNull(under, "notice step 'under' is required");
            requireNotNegative(under, "notice step 'under'");
            requireNotNegative(months, "notice step 'months'");
        }
    }

    /** Severance of {@code months}' pay once the seniority is at least {@code atLeast}. */
    public record SeveranceStep(Period atLeast, int months) {
        public SeveranceStep {
            Objects.requireNonNull(atLeast, "severance step 'atLeast' is required");
            requireNotNegative(atLeast, "severance step 'atLeast'");
            requireNotNegative(months, "severance step 'months'");
        }
    }

    public NoticeRules {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("ksflow.dismissals.notice.steps must not be empty"
                    + " (is dismissal-notice.yml imported through spring.config.import?)");
        }
        steps = List.copyOf(steps);
        severance = severance == null ? List.of() : List.copyOf(severance);
        requireAscending(steps.stream().map(Step::under).toList(), "ksflow.dismissals.notice.steps");
        requireAscending(severance.stream().map(SeveranceStep::atLeast).toList(), "ksflow.dismissals.notice.severance");
        requireNotNegative(otherwiseMonths, "ksflow.dismissals.notice.otherwise-months");
        if (probationDays <= 0) {
            throw new IllegalArgumentException("ksflow.dismissals.notice.probation-days must be positive");
        }
    }

    /** Notice months for a seniority on the notice date. */
    public int noticeMonthsFor(Period seniority) {
        return steps.stream()
                .filter(step -> BY_LENGTH.compare(seniority, step.under()) < 0)
                .findFirst()
                .map(Step::months)
                .orElse(otherwiseMonths);
    }

    /** Severance months for a seniority on the termination date. */
    public int severanceMonthsFor(Period seniority) {
        int months = 0;
        for (SeveranceStep step : severance) {
            if (BY_LENGTH.compare(seniority, step.atLeast()) >= 0) {
                months = step.months();
            }
        }
        return months;
    }

    private static void requireAscending(List<Period> periods, String name) {
        for (int i = 1; i < periods.size(); i++) {
            if (BY_LENGTH.compare(periods.get(i - 1), periods.get(i)) >= 0) {
                throw new IllegalArgumentException(name + " must be in strictly ascending order of seniority");
            }
        }
    }

    private static void requireNotNegative(Period period, String name) {
        if (period.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    private static void requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
