package dk.kk.ks.flow.platform.deployment;

/**
 * A broken rule: the file (resource name), the element (its id), the rule and what is wrong, in Danish.
 *
 * @param elementId the nearest element with an id (the process or decision when the problem is on it), or null
 */
public record Violation(String resource, String elementId, Rule rule, String problem) {

    /** As the process owner reads it in Camunda Modeler: "fil.bpmn, element Task_X, regel EXPRESSIONS: ...". */
    public String message() {
        return resource + (elementId == null ? "" : ", element " + elementId) + ", regel " + rule + ": " + problem;
    }
}
