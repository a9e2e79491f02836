package dk.kk.ks.flow.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every case type the application has, by name and by process key. */
@Component
public class CaseTypes {

    private final Map<String, CaseType<?>> byName;
    private final Map<String, CaseType<?>> byProcessKey;

    CaseTypes(List<CaseType<?>> caseTypes) {
        this.byName = caseTypes.stream().collect(Collectors.toMap(CaseType::name, Function.identity()));
        this.byProcessKey = caseTypes.stream().collect(Collectors.toMap(CaseType::processKey, Function.identity()));
    }

    public Optional<CaseType<?>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<CaseType<?>> byProcessKey(String processKey) {
        return Optional.ofNullable(byProcessKey.get(processKey));
    }

    public List<CaseType<?>> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(CaseType::name)).toList();
    }
}
