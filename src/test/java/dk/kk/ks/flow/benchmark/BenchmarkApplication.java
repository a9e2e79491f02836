package dk.kk.ks.flow.benchmark;

import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

import dk.kk.ks.flow.KsFlowApplication;

import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * KS Flow as the benchmark starts it in a child JVM: the application unchanged, plus the SQL statement
 * counter of {@link StatementCounting}, whose most frequent statements it logs when it stops (for profiling), and
 * the cost of each intake request ({@link IntakeProfile}).
 * Arguments are Spring Boot's ({@code --server.port=...}).
 */
public final class BenchmarkApplication {

    private BenchmarkApplication() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(KsFlowApplication.class)
                .initializers((GenericApplicationContext context) -> {
                    context.getBeanFactory().addBeanPostProcessor(StatementCounting.postProcessor());
                    context.registerBean("benchmarkStatementCounter", MeterBinder.class, StatementCounting::meter);
                    // First of all filters, so the sign-in is part of what a request costs.
                    context.registerBean("benchmarkIntakeProfile", FilterRegistrationBean.class, () -> {
                        FilterRegistrationBean<IntakeProfile> registration = new FilterRegistrationBean<>(new IntakeProfile());
                        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
                        return registration;
                    });
                    context.registerBean("benchmarkIntakeProfileCounters", MeterBinder.class, IntakeProfile::meter);
                })
                .run(args);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LoggerFactory.getLogger(BenchmarkApplication.class)
                .info("Most frequent SQL statements:\n{}", StatementCounting.mostFrequent(60))));
    }
}
