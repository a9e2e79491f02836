package dk.kk.ks.flow.platform.deployment;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dk.kk.ks.flow.platform.CompletionRules;

/**
 * A new version of a process keeps the controls of the version before it: every user task whose completion is checked
 * by one of KS Flow's completion rules (four eyes, a rejection's reason: a {@link CompletionRules} listener) stays,
 * with the same id and the same listener. Otherwise a process owner could deploy a payout whose approval step has lost
 * its four-eyes check, or has gone, and new cases (and running cases moved to the new version) would be approved by
 * the person who asked for them. The first version of a process (the shipped diagram) sets the controls.
 */
final class KeptControls {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");

    private final ExpressionBeans beans;

    KeptControls(ExpressionBeans beans) {
        this.beans = beans;
    }

    /**
     * @param previous the latest deployed version of a process key as XML, or null when there is none
     */
    void check(String resource, Document diagram, Function<String, Document> previous, List<Violation> violations) {
        NodeList processes = diagram.getElementsByTagNameNS(BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element process = (Element) processes.item(i);
            Document before = previous.apply(process.getAttribute("id"));
            if (before == null) {
                continue;
            }
            Map<String, Set<String>> now = controls(diagram, process.getAttribute("id"));
            controls(before, process.getAttribute("id")).forEach((taskId, listeners) -> {
                Set<String> kept = now.getOrDefault(taskId, Set.of());
                if (!kept.containsAll(listeners)) {
                    violations.add(new Violation(resource, taskId, Rule.KEPT_CONTROLS, "trinnet " + taskId
                            + " kontrolleres i den udrullede version af " + listeners + " (fx at to forskellige personer "
                            + "anmoder og godkender); det skal blive i processen med samme id og samme kontrol"));
                }
            });
        }
    }

    /** User task id to its completion-rule listeners ("event ${bean}"), in the process with the id. */
    private Map<String, Set<String>> controls(Document diagram, String processId) {
        Map<String, Set<String>> controls = new LinkedHashMap<>();
        NodeList processes = diagram.getElementsByTagNameNS(BPMN, "process");
        for (int p = 0; p < processes.getLength(); p++) {
            Element process = (Element) processes.item(p);
            if (!processId.equals(process.getAttribute("id"))) {
                continue;
            }
            NodeList tasks = process.getElementsByTagNameNS(BPMN, "userTask");
            for (int t = 0; t < tasks.getLength(); t++) {
                Element task = (Element) tasks.item(t);
                NodeList listeners = task.getElementsByTagNameNS(CAMUNDA, "taskListener");
                for (int l = 0; l < listeners.getLength(); l++) {
                    Element listener = (Element) listeners.item(l);
                    Matcher bean = BEAN_REFERENCE.matcher(listener.getAttribute("delegateExpression"));
                    if (bean.matches() && beans.isDelegate(bean.group(1), CompletionRules.class)) {
                        controls.computeIfAbsent(task.getAttribute("id"), id -> new LinkedHashSet<>())
                                .add(listener.getAttribute("event") + " ${" + bean.group(1) + "}");
                    }
                }
            }
        }
        return controls;
    }
}
