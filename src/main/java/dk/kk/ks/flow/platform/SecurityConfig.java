package dk.kk.ks.flow.platform;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic on /api/**, /engine-rest/** and /sandbox/**, checked against Camunda's identity service
 * (users and groups, so Cockpit and Admin show them). The webapps (/camunda/**) keep their own login
 * and their own CSRF protection. On /api/**, 401 and 403 are problem details like the API's other refusals.
 * Jobs, batches and history cleanup are for administrators only, in both (AdminOnlyOperations); the webapps'
 * first-administrator setup is closed (the administrator comes from configuration). Failed logins are
 * throttled in front of all this (LoginThrottleFilter).
 */
@Configuration
public class SecurityConfig {

    private static final String REALM = "KS Flow";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, Clock clock, ObjectMapper objectMapper,
                                    @Value("${ksflow.security.login-cache:PT30S}") Duration loginCache,
                                    @Value("${ksflow.security.public-api-docs:true}") boolean publicApiDocs) throws Exception {
        ApiSecurityProblems apiProblems = new ApiSecurityProblems(objectMapper, REALM);
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        basic.afterPropertiesSet();
        RequestMatcher api = path("/api/**");
        AuthenticationEntryPoint entryPoint = (request, response, e) ->
                (api.matches(request) ? apiProblems : basic).commence(request, response, e);
        AccessDeniedHandler otherDenied = new AccessDeniedHandlerImpl();
        AccessDeniedHandler denied = (request, response, e) ->
                (api.matches(request) ? apiProblems : otherDenied).handle(request, response, e);
        // The API description: open in the sandbox for newcomers, behind a login in production (ksflow.security.public-api-docs).
        RequestMatcher apiDocs = new OrRequestMatcher(path("/v3/api-docs*"), path("/v3/api-docs/**"),
                path("/swagger-ui/**"), path("/swagger-ui.html"));
        AuthorizationManager<RequestAuthorizationContext> apiDocsAccess = publicApiDocs
                ? (authentication, context) -> new AuthorizationDecision(true)
                : AuthenticatedAuthorizationManager.authenticated();
        // Path matchers on the whole path: /engine-rest is served by Jersey, not by Spring MVC's dispatcher.
        http.securityMatcher(new OrRequestMatcher(api, path("/engine-rest/**"), path("/sandbox/**"), path("/benefits"), path("/process-owners/**"),
                        path("/actuator/**"), apiDocs))
                .authenticationProvider(new IdentityServiceAuthenticationProvider(identityService, loginCache, clock))
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineRestAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health/**"), path("/actuator/health"), path("/actuator/info")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasAuthority(Groups.ADMIN)
                        .requestMatchers(path("/api/v1/benefits"), path("/benefits")).hasAnyAuthority(Groups.MANAGEMENT, Groups.ADMIN)
                        // Process owners try decision tables and move running cases; they and management see where cases wait.
                        .requestMatchers(path("/api/v1/decisions/*/what-if"), path("/api/v1/process-owners/migrations/*"),
                                path("/process-owners/what-if")).hasAuthority(Groups.PROCESS_OWNERS)
                        .requestMatchers(path("/api/v1/process-owners/waiting-times/*"), path("/process-owners/waiting-times"),
                                path("/process-owners/waiting-times/**")).hasAnyAuthority(Groups.PROCESS_OWNERS, Groups.MANAGEMENT)
                        .requestMatchers(path("/api/v1/me/**")).authenticated()
                        .requestMatchers(path("/api/v1/**")).hasAnyAuthority(Groups.SERVICENOW_INTAKE, Groups.ADMIN)
                        .requestMatchers(AdminOnlyOperations.engineRest()).hasAuthority(Groups.ADMIN)
                        .requestMatchers(path("/engine-rest/**")).authenticated()
                        .requestMatchers(path("/sandbox/*/api/**"), path(HttpMethod.GET, "/sandbox/*/health"))
                        .hasAnyAuthority(Groups.SANDBOX_CLIENTS, Groups.ADMIN)
                        .requestMatchers(path(HttpMethod.GET, "/sandbox")).authenticated()
                        .requestMatchers(path("/sandbox/**")).hasAuthority(Groups.ADMIN)
                        .requestMatchers(apiDocs).access(apiDocsAccess)
                        .anyRequest().denyAll());
        return http.build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http, CamundaBpmProperties camunda) throws Exception {
        // Cockpit, Tasklist and Admin authenticate with their own session login and CSRF filter.
        String webapps = camunda.getWebapp().getApplicationPath();
        http.csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .authorizeHttpRequests(auth -> auth
                        // The first administrator comes from configuration (camunda.bpm.admin-user), never from a web page.
                        .requestMatchers(path(webapps + "/api/admin/setup/**"), path(webapps + "/app/admin/*/setup/**")).denyAll()
                        .requestMatchers(AdminOnlyOperations.webapps(webapps)).access(AdminOnlyOperations.webappAdministrator())
                        .anyRequest().permitAll());
        return http.build();
    }
}
