package dk.kk.ks.flow.platform.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment that breaks the rules. A ParseException, so the engine's REST API answers 400 with the message
 * (which Camunda Modeler shows in its deploy dialog) and, per file, each problem with its element id.
 */
public class DeploymentRefusedException extends ParseException {

    private final transient List<Violation> violations;

    public DeploymentRefusedException(List<Violation> violations) {
        super(message(violations), violations.get(0).resource(), problems(violations, violations.get(0).resource()), List.of());
        this.violations = List.copyOf(violations);
        violations.stream().map(Violation::resource).distinct().skip(1)
                .forEach(resource -> resorceReports.add(new Report(resource, problems(violations, resource))));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        return "Deploymentet er afvist: " + violations.stream().map(Violation::message).collect(Collectors.joining("; "));
    }

    private static List<Problem> problems(List<Violation> violations, String resource) {
        List<Problem> problems = new ArrayList<>();
        for (Violation violation : violations) {
            if (violation.resource().equals(resource)) {
                problems.add(new RuleProblem(violation));
            }
        }
        return problems;
    }

    private record RuleProblem(Violation violation) implements Problem {
        @Override
        public String getMessage() {
            return "regel " + violation.rule() + ": " + violation.problem();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return violation.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return violation.elementId() == null ? List.of() : List.of(violation.elementId());
        }
    }

    private record Report(String getResourceName, List<Problem> getErrors) implements ResourceReport {
        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
