package dk.kk.ks.flow.timesheet;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The supplement rules of one agreement (e.g. KK-STANDARD), bindable from configuration
 * ({@code ksflow.timesheets.agreements.[CODE]}).
 *
 * <p>Windows are half-open, {@code [from, to)}. A window whose {@code to} is at or before its
 * {@code from} runs past midnight: night 23:00-06:00 is 23:00-24:00 plus 00:00-06:00.
 * Saturday runs from {@code saturdayFrom} to 24:00, Sunday all day, a holiday from its start
 * time in the {@link dk.kk.ks.flow.calendar.HolidayCalendar} to 24:00.
 *
 * @param countingUnit            MINUTE, or HALF_HOUR for "per started half hour"
 * @param eveningFrom             start of the evening window (17:00)
 * @param eveningTo               end of the evening window (23:00)
 * @param christmasEveEveningFrom start of the evening window on 24 December (16:00)
 * @param nightFrom               start of the night window (23:00)
 * @param nightTo                 end of the night window, next morning (06:00)
 * @param saturdayFrom            start of the Saturday window (08:00)
 * @param rates                   the rate of the hourly wage per category, used as configured
 *                                (scale included: 0.50 stays 0.50); every category is required
 */
public record AgreementRules(
        CountingUnit countingUnit,
        LocalTime eveningFrom,
        LocalTime eveningTo,
        LocalTime christmasEveEveningFrom,
        LocalTime nightFrom,
        LocalTime nightTo,
        LocalTime saturdayFrom,
        Map<Category, BigDecimal> rates) {

    public AgreementRules {
        Objects.requireNonNull(countingUnit, "countingUnit");
        Objects.requireNonNull(eveningFrom, "eveningFrom");
        Objects.requireNonNull(eveningTo, "eveningTo");
        Objects.requireNonNull(christmasEveEveningFrom, "christmasEveEveningFrom");
        Objects.requireNonNull(nightFrom, "nightFrom");
        Objects.requireNonNull(nightTo, "nightTo");
        Objects.requireNonNull(saturdayFrom, "saturdayFrom");
        Objects.requireNonNull(rates, "rates");
        EnumMap<Category, BigDecimal> copy = new EnumMap<>(Category.class);
        copy.putAll(rates);
        for (Category category : Category.values()) {
            BigDecimal rate = copy.get(category);
            if (rate == null || rate.signum() < 0) {
                throw new IllegalArgumentException("rate for " + category + " must be configured and >= 0: " + rate);
            }
        }
        rates = Collections.unmodifiableMap(copy);
    }

    public BigDecimal rate(Category category) {
        return rates.get(category);
    }
}
