package dk.kk.ks.flow.platform.deployment;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an expression in a diagram may reach, shared by the check of every deployment ({@link JuelCheck}) and the
 * engine's expression resolver at run time ({@link ExpressionGuard}): process variables, the application's own
 * delegates (only by name, in {@code camunda:delegateExpression}), the helper beans listed here with their methods,
 * a few properties of the execution or task, and a few harmless methods on values.
 */
final class ExpressionPolicy {

    /** Helper beans for expressions and the methods a diagram may call on them. */
    static final Map<String, Set<String>> HELPER_METHODS = Map.of(
            "dates", Set.of("today", "yesterday", "daysAgo"));

    /** The names the engine resolves to the execution, task or case execution an expression runs in. */
    static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");

    /** Properties of the execution or task an expression may read. */
    static final Set<String> CONTEXT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey", "businessKey",
            "processDefinitionId", "currentActivityId", "currentActivityName", "activityInstanceId", "eventName", "tenantId",
            "name", "assignee", "owner", "priority", "dueDate", "followUpDate", "taskDefinitionKey", "description", "createTime");

    /** Methods of the execution or task an expression may call. */
    static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal");

    /** Methods an expression may call on a value (a variable, a property of one, a literal): read-only questions. */
    static final Set<String> VALUE_METHODS = Set.of("isEmpty", "size", "contains", "containsKey", "length", "startsWith",
            "endsWith", "toLowerCase", "toUpperCase", "trim");

    /** Methods the engine's date functions return ({@code ${dateTime().plusDays(3)}} in a Tasklist filter), at run time only. */
    static final Pattern DATE_METHODS = Pattern.compile("(plus|minus|with)[A-Z][A-Za-z]*|toDate|isBefore|isAfter");

    /** Names no expression may use as a property or method, whatever it is called on: the ways into the JVM and the engine. */
    static final Set<String> DENIED_NAMES = Set.of("class", "getClass", "classLoader", "getClassLoader", "declaringClass",
            "getDeclaringClass", "module", "getModule", "protectionDomain", "forName", "invoke", "newInstance", "exec",
            "runtime", "getRuntime", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getConstructor",
            "getDeclaredConstructor", "getField", "getDeclaredField", "processEngine", "getProcessEngine",
            "processEngineServices", "getProcessEngineServices", "processEngineConfiguration", "applicationContext",
            "beanFactory", "metaClass", "external");

    private ExpressionPolicy() {
    }
}
