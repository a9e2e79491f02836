package dk.kk.ks.flow.platform.deployment;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import dk.kk.ks.flow.connectors.Connector;

/**
 * The Spring beans a diagram may name: the application's own delegates, task listeners and execution listeners
 * (by their bean name, in {@code camunda:delegateExpression}), and the helper beans of {@link ExpressionPolicy}.
 * Every other bean (identityService, processEngine, dataSource, ...) is out of reach of expressions.
 */
@Component
public class ExpressionBeans {

    private static final String APPLICATION_PACKAGE = "dk.kk.ks.flow.";

    private final ListableBeanFactory beanFactory;
    private volatile Map<String, Class<?>> delegates;
    private final Map<Object, Set<String>> resolved = Collections.synchronizedMap(new IdentityHashMap<>());

    public ExpressionBeans(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** Whether the name is a bean of the application context (any bean, allowed or not). */
    public boolean isBean(String name) {
        return beanFactory.containsBean(name);
    }

    /** Whether the name is one of the application's own beans of that kind (JavaDelegate, TaskListener, ExecutionListener). */
    public boolean isDelegate(String name, Class<?> kind) {
        Class<?> type = delegates().get(name);
        return type != null && kind.isAssignableFrom(type);
    }

    public boolean isDelegate(String name) {
        return delegates().containsKey(name);
    }

    public boolean isHelper(String name) {
        return ExpressionPolicy.HELPER_METHODS.containsKey(name) && beanFactory.containsBean(name);
    }

    /** The methods a diagram may call on the helper bean (empty for any other name). */
    public Set<String> helperMethods(String name) {
        return isHelper(name) ? ExpressionPolicy.HELPER_METHODS.get(name) : Set.of();
    }

    /** Whether the delegate is a connector that changes an external system (it must then sit after an async continuation). */
    public boolean writes(String name) {
        Class<?> type = delegates().get(name);
        return type != null && Connector.class.isAssignableFrom(type) && beanFactory.getBean(name, Connector.class).writes();
    }

    /** Whether the delegate is a connector that moves money (pays, books, keys a payment, orders a card): Rule.MONEY_STEPS. */
    public boolean movesMoney(String name) {
        Class<?> type = delegates().get(name);
        return type != null && Connector.class.isAssignableFrom(type) && beanFactory.getBean(name, Connector.class).movesMoney();
    }

    /**
     * The beans the engine's expressions may resolve by name, for {@code ProcessEngineConfigurationImpl.setBeans}: the
     * delegates and helpers, each looked up when an expression first uses it.
     */
    Map<Object, Object> resolvable() {
        return new ResolvableBeans();
    }

    /** Whether the object is a bean that an expression resolved by name (a delegate or helper). */
    boolean isResolvedBean(Object object) {
        return resolved.containsKey(object);
    }

    /** The methods an expression may call on a resolved bean: a helper's listed methods, none on a delegate. */
    Set<String> methodsOf(Object bean) {
        return resolved.getOrDefault(bean, Set.of());
    }

    private Map<String, Class<?>> delegates() {
        Map<String, Class<?>> found = delegates;
        if (found == null) {
            found = new LinkedHashMap<>();
            for (Class<?> kind : new Class<?>[] {JavaDelegate.class, TaskListener.class, ExecutionListener.class}) {
                for (String name : beanFactory.getBeanNamesForType(kind, true, false)) {
                    Class<?> type = beanFactory.getType(name, false);
                    if (type != null && ClassUtils.getUserClass(type).getName().startsWith(APPLICATION_PACKAGE)) {
                        found.put(name, type);
                    }
                }
            }
            delegates = found = Map.copyOf(found);
        }
        return found;
    }

    private final class ResolvableBeans extends AbstractMap<Object, Object> {

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && (isDelegate(name) || isHelper(name));
        }

        @Override
        public Object get(Object key) {
            if (!containsKey(key)) {
                return null;
            }
            String name = (String) key;
            Object bean = beanFactory.getBean(name);
            resolved.putIfAbsent(bean, helperMethods(name));
            return bean;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Stream.concat(delegates().keySet().stream(),
                            ExpressionPolicy.HELPER_METHODS.keySet().stream().filter(ExpressionBeans.this::isHelper))
                    .map(name -> Map.entry((Object) name, get(name)))
                    .collect(Collectors.toSet());
        }
    }
}
