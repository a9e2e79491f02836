package dk.kk.ks.flow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** Binds configuration records from the application's own YAML files, as Spring Boot does at start-up. */
public final class ConfiguredRules {

    private ConfiguredRules() {
    }

    public static <T> T load(String classpathYaml, String prefix, Class<T> type) {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load(classpathYaml, new ClassPathResource(classpathYaml));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind(prefix, type)
                    .orElseThrow(() -> new IllegalStateException(classpathYaml + " has nothing under " + prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
