package dk.kk.ks.flow.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts the SQL statements the application sends to its database: every {@code execute},
 * {@code executeQuery}, {@code executeUpdate} and every statement added to a batch, on every connection
 * of the application's DataSource (the engine's, the intake's, everyone's). Published as the counter
 * {@value #METER} in /actuator/metrics.
 */
final class StatementCounting {

    static final String METER = "ksflow.bench.jdbc.statements";

    private static final Set<String> COUNTED = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
    private static final AtomicLong STATEMENTS = new AtomicLong();

    private StatementCounting() {
    }

    /** Wraps the application's DataSource bean. */
    static BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                        ? new CountingDataSource(dataSource) : bean;
            }
        };
    }

    static MeterBinder meter() {
        return registry -> FunctionCounter.builder(METER, STATEMENTS, AtomicLong::get)
                .description("SQL statements sent by the application (benchmark only)").register(registry);
    }

    private static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }
    }

    private static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (method, result) ->
                result instanceof Statement statement ? proxy(statementType(statement), statement, (m, r) -> r) : result);
    }

    private static Class<? extends Statement> statementType(Statement statement) {
        if (statement instanceof java.sql.CallableStatement) {
            return java.sql.CallableStatement.class;
        }
        return statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
    }

    private interface Wrap {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, Object target, Wrap wrap) {
        InvocationHandler handler = (self, method, args) -> {
            if (target instanceof Statement && COUNTED.contains(method.getName())) {
                STATEMENTS.incrementAndGet();
            }
            try {
                return wrap.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
