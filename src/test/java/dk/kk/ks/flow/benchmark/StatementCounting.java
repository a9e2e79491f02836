package dk.kk.ks.flow.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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
    private static final Map<String, LongAdder> BY_SQL = new ConcurrentHashMap<>();
    private static final ThreadLocal<long[]> OF_THIS_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    private StatementCounting() {
    }

    /** Wraps the application's DataSource bean. */
    static BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                        ? counting(dataSource) : bean;
            }
        };
    }

    /** A DataSource whose connections count their statements. */
    static DataSource counting(DataSource dataSource) {
        return new CountingDataSource(dataSource);
    }

    /** The statements counted in this JVM so far. */
    static long count() {
        return STATEMENTS.get();
    }

    /** The statements the current thread has sent so far. */
    static long countOfThisThread() {
        return OF_THIS_THREAD.get()[0];
    }

    /** The most frequent statements (their first 100 characters) and how often each was sent, most frequent first. */
    static String mostFrequent(int limit) {
        Map<String, Long> byStart = new HashMap<>();
        BY_SQL.forEach((sql, count) -> {
            String text = sql.replaceAll("\\s+", " ").trim();
            byStart.merge(text.substring(0, Math.min(100, text.length())), count.sum(), Long::sum);
        });
        StringBuilder out = new StringBuilder();
        byStart.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(limit)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "%9d  %s%n", entry.getValue(), entry.getKey())));
        return out.toString();
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
        return proxy(Connection.class, connection, null, (method, args, result) -> result instanceof Statement statement
                ? proxy(statementType(statement), statement, args != null && args.length > 0 && args[0] instanceof String sql ? sql : null,
                        (m, a, r) -> r)
                : result);
    }

    private static Class<? extends Statement> statementType(Statement statement) {
        if (statement instanceof java.sql.CallableStatement) {
            return java.sql.CallableStatement.class;
        }
        return statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
    }

    private interface Wrap {
        Object apply(Method method, Object[] args, Object result);
    }

    /** @param preparedSql the SQL of a prepared statement; null for a plain statement, which names it per call */
    private static <T> T proxy(Class<T> type, Object target, String preparedSql, Wrap wrap) {
        InvocationHandler handler = (self, method, args) -> {
            if (target instanceof Statement && COUNTED.contains(method.getName())) {
                STATEMENTS.incrementAndGet();
                OF_THIS_THREAD.get()[0]++;
                String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                BY_SQL.computeIfAbsent(sql, k -> new LongAdder()).increment();
            }
            try {
                return wrap.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
