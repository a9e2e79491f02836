package dk.kk.ks.flow.platform.deployment;

import java.util.Map;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's Spring expression manager, given the beans expressions may resolve (so it resolves only those, not every
 * bean of the application context), with {@link ExpressionGuard} in front of its resolvers.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

    private final ExpressionGuard guard;

    GuardedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans, ExpressionGuard guard) {
        super(applicationContext, beans);
        this.guard = guard;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(guard);
        resolver.add(super.createElResolver());
        return resolver;
    }
}
