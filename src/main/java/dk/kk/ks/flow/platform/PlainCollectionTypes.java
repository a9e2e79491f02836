package dk.kk.ks.flow.platform;

import java.util.Collection;
import java.util.Map;

import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.camunda.spin.spi.TypeDetector;

/**
 * How the engine names the type of a map or a list of texts it stores as a JSON object variable: by its class
 * alone ({@code java.util.ArrayList}), not with type parameters ({@code java.util.ArrayList<java.lang.String>}).
 * Reading a variable back, Spin first looks the stored name up as a class and only then parses it as a generic
 * type; a name with type parameters is never a class, so every read searched every jar of the application
 * for it first (a few per cent of the application's CPU in the benchmark, README "Ydeevne"). Read back, such a
 * value is the same either way: JSON texts are Strings, and a map's values are what JSON makes of them. Lists
 * of anything else keep Spin's own naming. Variables stored before keep their names, and are read as before.
 * Registered with Spin through {@code META-INF/services}.
 */
public class PlainCollectionTypes implements DataFormatConfigurator<JacksonJsonDataFormat> {

    @Override
    public Class<JacksonJsonDataFormat> getDataFormatClass() {
        return JacksonJsonDataFormat.class;
    }

    @Override
    public void configure(JacksonJsonDataFormat format) {
        format.addTypeDetector(new Detector());
    }

    static final class Detector implements TypeDetector {

        @Override
        public boolean canHandle(Object value) {
            if (value == null || !value.getClass().getName().startsWith("java.util.")) {
                return false;
            }
            return value instanceof Map<?, ?> || value instanceof Collection<?> elements && elements.stream().allMatch(String.class::isInstance);
        }

        @Override
        public String detectType(Object value) {
            return value.getClass().getName();
        }
    }
}
