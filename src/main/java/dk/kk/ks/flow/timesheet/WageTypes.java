package dk.kk.ks.flow.timesheet;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ksflow.timesheets.wage-types}: the Opus wage type (lønart) each supplement category is paid as. */
@ConfigurationProperties(prefix = "ksflow.timesheets")
record WageTypes(Map<Category, String> wageTypes) {

    String of(Category category) {
        String wageType = wageTypes == null ? null : wageTypes.get(category);
        if (wageType == null) {
            throw new IllegalStateException("No Opus wage type configured for " + category + " (ksflow.timesheets.wage-types)");
        }
        return wageType;
    }
}
