package dk.kk.ks.flow.timesheet;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The configured agreements by code, e.g. {@value #KK_STANDARD}. */
public class Agreements {

    public static final String KK_STANDARD = "KK-STANDARD";

    private final Map<String, AgreementRules> byCode;

    public Agreements(Map<String, AgreementRules> byCode) {
        Objects.requireNonNull(byCode, "byCode");
        this.byCode = Map.copyOf(byCode);
    }

    public Optional<AgreementRules> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /**
     * @throws IllegalArgumentException when no agreement has that code
     */
    public AgreementRules get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown agreement: " + code));
    }

    public boolean contains(String code) {
        return find(code).isPresent();
    }

    /** The codes in alphabetical order. */
    public Set<String> codes() {
        return Collections.unmodifiableSet(new TreeSet<>(byCode.keySet()));
    }
}
