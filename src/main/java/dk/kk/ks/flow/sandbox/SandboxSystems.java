package dk.kk.ks.flow.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The simulators of the sandbox, by the name used in their paths: /sandbox/{system}/... */
@Component
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
public class SandboxSystems {

    public static final Set<String> NAMES = Set.of("servicenow", "opus", "edoc", "digitalpost", "cardissuer");

    private final Map<String, SimulatedSystem> systems = new LinkedHashMap<>();

    public SandboxSystems() {
        NAMES.stream().sorted().forEach(name -> systems.put(name, new SimulatedSystem(name)));
    }

    public Optional<SimulatedSystem> find(String name) {
        return Optional.ofNullable(systems.get(name));
    }

    public SimulatedSystem get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No simulator named " + name));
    }

    public Iterable<SimulatedSystem> all() {
        return systems.values();
    }
}
