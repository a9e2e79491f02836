package dk.kk.ks.flow.timesheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The configured timesheet rules, bound from the real {@code timesheet-agreements.yml}. */
final class TimesheetFixtures {

    static final String AGREEMENTS_FILE = "timesheet-agreements.yml";

    private static final TimesheetProperties PROPERTIES = bind();

    private TimesheetFixtures() {
    }

    static TimesheetProperties properties() {
        return PROPERTIES;
    }

    static AgreementRules kkStandard() {
        return PROPERTIES.agreements().get(Agreements.KK_STANDARD);
    }

    static List<PropertySource<?>> agreementsFile() {
        try {
            return new YamlPropertySourceLoader().load(AGREEMENTS_FILE, new ClassPathResource(AGREEMENTS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TimesheetProperties bind() {
        Binder binder = new Binder(ConfigurationPropertySources.from(agreementsFile()));
        return binder.bind("ksflow.timesheets", TimesheetProperties.class).get();
    }
}
