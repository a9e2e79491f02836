package dk.kk.ks.flow.platform.deployment;

/** The rules every deployment keeps ({@link DeploymentRules}); the name is shown to the process owner with the problem. */
public enum Rule {
    /** Only diagrams (.bpmn), decision tables (.dmn) and forms (.form). */
    RESOURCE_TYPE,
    /** The file can be read (XML without a DOCTYPE, a form with an id). */
    READABLE,
    /** Every executable process and every decision has a history time to live of 1 to 730 days. */
    HISTORY_TIME_TO_LIVE,
    /** No script tasks, script listeners, script conditions, script parameters or external script resources. */
    NO_SCRIPTS,
    /** No camunda:class (or any other Java class named in the diagram). */
    NO_JAVA_CLASSES,
    /** No camunda:field (it would change the application's shared delegate beans). */
    NO_FIELD_INJECTION,
    /** Service tasks and listeners bind one of the application's own delegates by camunda:delegateExpression. */
    KNOWN_DELEGATES,
    /** An external task is a desktop robot's work, with a robot-&lt;name&gt; topic. */
    ROBOT_TOPIC,
    /** A task that writes to an external system sits after an async continuation (camunda:asyncBefore). */
    ASYNC_WRITES,
    /** User tasks use Camunda Forms (camunda:formRef) that exist. */
    FORMS,
    /** Expressions name only process variables, the application's delegates and the listed helpers, and call no other methods. */
    EXPRESSIONS,
    /** Decision tables are written in FEEL, which reaches only the decision's variables. */
    FEEL_ONLY,
    /** A new version of a process keeps every checked step (four eyes, reasons) of the version before it. */
    KEPT_CONTROLS,
    /**
     * A step that moves money (a connector marked so: pays out, books, keys a payment, orders a card) is only in a case
     * type's process, and a process owner's new version keeps every such step of the latest version: same id, same
     * connector, same input and output parameters.
     */
    MONEY_STEPS
}
