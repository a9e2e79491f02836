package dk.kk.ks.flow.platform.deployment;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The rules of a decision table. Its expressions must be FEEL (the default): Camunda's FEEL engine sees only the
 * decision's variables, no Spring bean, and runs with external (Java) functions off. Any other expression
 * language is refused: JUEL would reach the engine's beans, the others are scripts. A FEEL text must not name a
 * way into the JVM either ({@link ExpressionPolicy#DENIED_NAMES}, e.g. {@code amount.class}).
 */
final class DmnRules {

    private static final Set<String> FEEL = Set.of("http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    void check(String resource, Document table, List<Violation> violations) {
        element(resource, table.getDocumentElement(), null, violations);
    }

    private void element(String resource, Element element, String parentId, List<Violation> violations) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : parentId;
        String retention = HistoryRetention.problem(attribute(element, "historyTimeToLive"), "beslutningen");
        if ("decision".equals(element.getLocalName()) && retention != null) {
            violations.add(new Violation(resource, id, Rule.HISTORY_TIME_TO_LIVE, retention));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if ("expressionLanguage".equals(attribute.getLocalName()) && !isFeel(attribute.getNodeValue())) {
                violations.add(new Violation(resource, id, Rule.FEEL_ONLY, "udtrykssproget '" + attribute.getNodeValue()
                        + "' er ikke tilladt; beslutningstabeller skrives i FEEL"));
            }
        }
        if ("text".equals(element.getLocalName())) {
            Matcher names = NAME.matcher(STRING_LITERAL.matcher(element.getTextContent()).replaceAll(" "));
            while (names.find()) {
                if (ExpressionPolicy.DENIED_NAMES.contains(names.group())) {
                    violations.add(new Violation(resource, id, Rule.EXPRESSIONS, "udtrykket " + DeploymentRules.shorten(element.getTextContent())
                            + ": navnet '" + names.group() + "' er ikke tilladt"));
                }
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                element(resource, childElement, id, violations);
            }
        }
    }

    private static boolean isFeel(String language) {
        return language == null || language.isBlank() || "feel".equalsIgnoreCase(language) || FEEL.contains(language);
    }

    private static String attribute(Element element, String localName) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (localName.equals(attributes.item(i).getLocalName())) {
                return attributes.item(i).getNodeValue();
            }
        }
        return null;
    }
}
