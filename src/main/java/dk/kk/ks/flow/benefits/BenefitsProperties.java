package dk.kk.ks.flow.benefits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ksflow.benefits}: the business case per case type (benefits.yml). */
@ConfigurationProperties(prefix = "ksflow.benefits")
record BenefitsProperties(BigDecimal fteHours, BigDecimal fteValueKr, Map<String, Target> caseTypes) {

    /**
     * @param minutesBefore measured minutes per case before automation; null: what the business case
     *                      assumed, targetFte x fteHours x 60 / yearlyVolume
     */
    record Target(BigDecimal targetFte, int yearlyVolume, BigDecimal minutesBefore, BigDecimal minutesPerHumanStep) {
    }

    Target target(String caseType) {
        return caseTypes == null ? null : caseTypes.get(caseType);
    }

    BigDecimal minutesBefore(Target target) {
        if (target.minutesBefore() != null) {
            return target.minutesBefore();
        }
        return target.targetFte().multiply(fteHours).multiply(BigDecimal.valueOf(60))
                .divide(BigDecimal.valueOf(target.yearlyVolume()), MathContext.DECIMAL64);
    }
}
