package dk.kk.ks.flow.platform;

import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link TaskRefusalExceptionMapper} with both JAX-RS applications that complete tasks: the
 * REST API at /engine-rest and the webapps' engine API that Tasklist calls (/camunda/api/engine).
 */
@Configuration
class TaskRefusalRestConfiguration {

    /** /engine-rest: Camunda's Jersey application, which Spring Boot builds and lets customize. */
    @Bean
    ResourceConfigCustomizer taskRefusalsOnEngineRest() {
        return config -> config.register(TaskRefusalExceptionMapper.class);
    }

    /**
     * The webapps' APIs: Jersey servlets that Camunda's webapp initializer registers by their Application
     * class. Jersey reads the servlet context's attributes as its properties, so each of them adds the
     * providers this attribute names. (The mapper maps nothing but refusals: it changes nothing in the
     * Cockpit and Admin APIs.)
     */
    @Bean
    ServletContextInitializer taskRefusalsOnWebappApis() {
        return servletContext -> {
            if (servletContext.getAttribute(ServerProperties.PROVIDER_CLASSNAMES) != null) {
                throw new IllegalStateException("The servlet context attribute " + ServerProperties.PROVIDER_CLASSNAMES + " is already set");
            }
            servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES, TaskRefusalExceptionMapper.class.getName());
        };
    }
}
