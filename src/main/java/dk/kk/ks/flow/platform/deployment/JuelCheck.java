package dk.kk.ks.flow.platform.deployment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Checks a text the engine evaluates as JUEL (an expression, or a text with {@code ${...}} parts) against
 * {@link ExpressionPolicy}, on the engine's own parse tree. Each chain of properties and method calls
 * ({@code a.b.c(x)}) is checked from its first identifier: a process variable (any name that is no bean),
 * a helper bean followed by one of its methods, or the execution/task followed by one of its allowed
 * properties or methods. Functions ({@code name()}, {@code ns:name()}) and dynamic properties
 * ({@code a[b]}) are refused; so is naming any other bean, and calling any method not listed.
 */
final class JuelCheck {

    private final ExpressionBeans beans;

    JuelCheck(ExpressionBeans beans) {
        this.beans = beans;
    }

    /** The problems of the text, in Danish; empty when the engine may evaluate it. */
    List<String> problems(String text) {
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException unreadable) {
            return List.of("udtrykket kan ikke læses");
        }
        List<String> problems = new ArrayList<>();
        visit(root, problems);
        return problems.stream().distinct().toList();
    }

    private void visit(Node node, List<String> problems) {
        if (node instanceof AstMethod || node instanceof AstProperty || node instanceof AstIdentifier) {
            chain(node, problems);
        } else if (node instanceof AstFunction function) {
            problems.add("funktionen " + function.getName() + "() er ikke tilladt");
        } else {
            for (int i = 0; i < node.getCardinality(); i++) {
                visit(node.getChild(i), problems);
            }
        }
    }

    /** One step of a chain: a property (name) or a method call; name null when computed at run time (a[b]). */
    private record Step(String name, boolean call) {
    }

    private void chain(Node node, List<String> problems) {
        Deque<Step> steps = new ArrayDeque<>();
        Node current = node;
        while (true) {
            if (current instanceof AstMethod method) {
                Node property = method.getChild(0);
                visitChildren(method.getChild(1), problems); // the arguments
                steps.push(new Step(propertyName(property, problems), true));
                current = property.getChild(0);
            } else if (current instanceof AstProperty property) {
                steps.push(new Step(propertyName(property, problems), false));
                current = property.getChild(0);
            } else {
                break;
            }
        }
        List<Step> chain = new ArrayList<>(steps);
        if (current instanceof AstIdentifier identifier) {
            root(identifier.getName(), chain, problems);
        } else {
            visit(current, problems);
            value(chain, problems);
        }
    }

    private void root(String name, List<Step> chain, List<String> problems) {
        if (ExpressionPolicy.CONTEXT_OBJECTS.contains(name)) {
            if (chain.isEmpty()) {
                problems.add("'" + name + "' må kun bruges med en tilladt egenskab, fx " + name + ".processBusinessKey");
                return;
            }
            Step first = chain.get(0);
            Set<String> allowed = first.call() ? ExpressionPolicy.CONTEXT_METHODS : ExpressionPolicy.CONTEXT_PROPERTIES;
            if (first.name() != null && !allowed.contains(first.name())) {
                problems.add(describe(first) + " på '" + name + "' er ikke tilladt");
            }
            value(chain.subList(1, chain.size()), problems);
        } else if (beans.isHelper(name)) {
            Set<String> methods = beans.helperMethods(name);
            if (chain.isEmpty() || !chain.get(0).call() || !methods.contains(chain.get(0).name())) {
                problems.add("hjælperen '" + name + "' må kun bruges med metoderne " + String.join(", ", methods.stream().sorted().toList()));
            }
            value(chain.isEmpty() ? chain : chain.subList(1, chain.size()), problems);
        } else if (beans.isDelegate(name)) {
            problems.add("delegaten '" + name + "' må kun bindes i camunda:delegateExpression som ${" + name + "}");
        } else if (beans.isBean(name)) {
            problems.add("'" + name + "' er ikke en tilladt bean (udtryk må kun bruge procesvariabler, applikationens delegates og hjælperne "
                    + String.join(", ", ExpressionPolicy.HELPER_METHODS.keySet().stream().sorted().toList()) + ")");
        } else if (ExpressionPolicy.DENIED_NAMES.contains(name)) {
            problems.add("navnet '" + name + "' er ikke tilladt");
        } else {
            value(chain, problems); // a process variable
        }
    }

    /** Steps on a value: any property but the denied ones, and only the harmless value methods. */
    private void value(List<Step> chain, List<String> problems) {
        for (Step step : chain) {
            if (step.name() == null) {
                continue; // already reported
            }
            if (ExpressionPolicy.DENIED_NAMES.contains(step.name())
                    || step.call() && !ExpressionPolicy.VALUE_METHODS.contains(step.name())) {
                problems.add(describe(step) + " er ikke tilladt");
            }
        }
    }

    private String propertyName(Node property, List<String> problems) {
        if (property instanceof AstDot dot) {
            String text = dot.toString(); // ". name"
            if (!text.startsWith(". ")) {
                throw new IllegalStateException("Unexpected JUEL property node: " + text);
            }
            return text.substring(2);
        }
        Node index = ((AstBracket) property).getChild(1);
        if (index instanceof AstString || index instanceof AstNumber) {
            return String.valueOf(((AstNode) index).eval(null, null));
        }
        visit(index, problems);
        problems.add("beregnede egenskaber (a[b]) er ikke tilladt");
        return null;
    }

    private void visitChildren(Node node, List<String> problems) {
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), problems);
        }
    }

    private static String describe(Step step) {
        return step.call() ? "metoden " + step.name() + "()" : "egenskaben '" + step.name() + "'";
    }
}
