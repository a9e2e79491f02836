package dk.kk.ks.flow.support;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs every Spring application the tests start on the {@link TestClock}: {@code ksflow.clock.offset} is the
 * test clock's offset, unless set already (an application JVM started by a test gets its parent's offset on
 * the command line). Registered in {@code src/test/resources/META-INF/spring.factories}.
 */
public class TestClockEnvironment implements EnvironmentPostProcessor {

    static final String OFFSET_PROPERTY = "ksflow.clock.offset";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("testClock",
                Map.of(OFFSET_PROPERTY, TestClock.offset().toMillis() + "ms")));
    }
}
