package dk.kk.ks.flow.notifications;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The people the four-eyes rules of the case types keep from completing a task (platform.FourEyes and the task
 * listeners that use it), read from the case's variables by the names the case types give them: the person who asked
 * for the case ({@code requestedBy}), the employee it is about ({@code employeeUserId}, payment cards) and everyone who
 * already approved it ({@code approvedBy} on payouts, {@code approvals} on payment cards). They are not asked by
 * e-mail to do what the engine would refuse. A case type that adds such a rule adds its variable here.
 */
final class FourEyesExclusions {

    static final List<String> PERSON_VARIABLES = List.of("requestedBy", "employeeUserId");
    static final List<String> LIST_VARIABLES = List.of("approvedBy", "approvals");
    static final List<String> ALL_VARIABLES = List.of("requestedBy", "employeeUserId", "approvedBy", "approvals");

    private FourEyesExclusions() {
    }

    /** @param variable a case variable by name (null when the case has none) */
    static Set<String> of(Function<String, Object> variable) {
        Set<String> excluded = new LinkedHashSet<>();
        for (String name : PERSON_VARIABLES) {
            if (variable.apply(name) instanceof String person && !person.isBlank()) {
                excluded.add(person);
            }
        }
        for (String name : LIST_VARIABLES) {
            if (variable.apply(name) instanceof Collection<?> people) {
                people.stream().filter(String.class::isInstance).map(String.class::cast).forEach(excluded::add);
            }
        }
        return excluded;
    }
}
