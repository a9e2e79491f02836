package dk.kk.ks.flow.platform.deployment;

import java.beans.FeatureDescriptor;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.Iterator;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.BeanFactory;

/**
 * The first resolver of the engine's expressions: it resolves nothing itself but refuses, at run time, what
 * {@link JuelCheck} refuses at deployment, for an expression that got into the engine some other way. Method
 * calls: on the execution or task only {@link ExpressionPolicy#CONTEXT_METHODS}, on a helper bean only its listed
 * methods, on a delegate none, on any other value only {@link ExpressionPolicy#VALUE_METHODS} (and, on dates,
 * the date arithmetic of Tasklist filters). Properties: on the execution or task only the listed ones, on a bean
 * none, and never one of {@link ExpressionPolicy#DENIED_NAMES} or any property of a class, class loader,
 * reflection object, the engine or the bean factory.
 */
final class ExpressionGuard extends ELResolver {

    private final ExpressionBeans beans;

    ExpressionGuard(ExpressionBeans beans) {
        this.beans = beans;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null) {
            String name = String.valueOf(method);
            boolean allowed;
            if (base instanceof VariableScope) {
                allowed = ExpressionPolicy.CONTEXT_METHODS.contains(name);
            } else if (beans.isResolvedBean(base)) {
                allowed = beans.methodsOf(base).contains(name);
            } else {
                allowed = !dangerous(base) && !ExpressionPolicy.DENIED_NAMES.contains(name)
                        && (ExpressionPolicy.VALUE_METHODS.contains(name) || isDate(base) && ExpressionPolicy.DATE_METHODS.matcher(name).matches());
            }
            if (!allowed) {
                throw new ELException("Expressions may not call " + name + "() on " + base.getClass().getName());
            }
        }
        return null;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        checkProperty(base, property);
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        checkProperty(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        checkProperty(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        checkProperty(base, property);
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    private void checkProperty(Object base, Object property) {
        if (base == null) {
            return; // an identifier: a variable, or a bean of ExpressionBeans.resolvable()
        }
        String name = String.valueOf(property);
        boolean allowed;
        if (base instanceof VariableScope) {
            allowed = ExpressionPolicy.CONTEXT_PROPERTIES.contains(name);
        } else {
            allowed = !beans.isResolvedBean(base) && !dangerous(base) && !ExpressionPolicy.DENIED_NAMES.contains(name);
        }
        if (!allowed) {
            throw new ELException("Expressions may not use the property '" + name + "' of " + base.getClass().getName());
        }
    }

    private static boolean dangerous(Object base) {
        return base instanceof Class || base instanceof ClassLoader || base instanceof Member || base instanceof AccessibleObject
                || base instanceof Runtime || base instanceof Thread || base instanceof ProcessEngine
                || base instanceof ProcessEngineServices || base instanceof BeanFactory || base instanceof Module;
    }

    private static boolean isDate(Object base) {
        return base instanceof Date || base instanceof Temporal || base.getClass().getName().startsWith("org.joda.time.");
    }
}
