package dk.kk.ks.flow.platform;

import java.time.Clock;
import java.time.Duration;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * Who may call what. Two ways in:
 * <ul>
 * <li>The default profile (the sandbox): HTTP Basic on /api/**, /engine-rest/**, /sandbox/**, /benefits and /actuator,
 * checked against Camunda's identity service (users and groups, so Cockpit and Admin show them). The webapps
 * (/camunda/**) keep their own login form and session.</li>
 * <li>Profile sso (README, "Sign-in"): people sign in through the identity provider (OpenID Connect, authorization
 * code with PKCE) for the webapps, /benefits and every other page; the webapps see them through Camunda's
 * container-based authentication (sso/SpringSecurityContainerAuthentication). /api/** and /engine-rest/** take the
 * provider's bearer tokens (sso/SsoConfiguration). HTTP Basic and the webapps' login form are off, except HTTP
 * Basic on /sandbox/** while the sandbox is on (the application's own clients of its simulators; never in
 * production).</li>
 * </ul>
 * The webapps keep their own CSRF protection in both. On /api/** (and, with sso, /engine-rest/**) 401 and 403 are
 * problem details like the API's other refusals. Jobs, batches and history cleanup are for administrators only
 * (AdminOnlyOperations); the webapps' first-administrator setup is closed (the administrator comes from
 * configuration). Failed logins are throttled in front of all this (LoginThrottleFilter).
 */
@Configuration
public class SecurityConfig {

    private static final String REALM = "KS Flow";
    static final String SSO = "sso";
    /** Where a signed-in person without any KS Flow group is told so (SignInPages). */
    static final String NO_ACCESS_PAGE = "/ingen-adgang";
    static final String SIGNED_OUT_PAGE = "/logget-ud";
    static final String REGISTRATION_ID = "ksflow";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, Clock clock, ObjectMapper objectMapper,
                                    Environment environment,
                                    ObjectProvider<JwtDecoder> bearerTokens,
                                    ObjectProvider<Converter<Jwt, AbstractAuthenticationToken>> bearerTokenAuthentication,
                                    @Value("${ksflow.security.login-cache:PT30S}") Duration loginCache,
                                    @Value("${ksflow.security.public-api-docs:true}") boolean publicApiDocs) throws Exception {
        boolean sso = environment.acceptsProfiles(Profiles.of(SSO));
        ApiSecurityProblems apiProblems = new ApiSecurityProblems(objectMapper, sso ? "Bearer" : "Basic realm=\"" + REALM + "\"");
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        basic.afterPropertiesSet();
        RequestMatcher api = path("/api/**");
        RequestMatcher engineRest = path("/engine-rest/**");
        RequestMatcher problems = sso ? new OrRequestMatcher(api, engineRest) : api;
        AuthenticationEntryPoint entryPoint = (request, response, e) ->
                (problems.matches(request) ? apiProblems : basic).commence(request, response, e);
        AccessDeniedHandler otherDenied = new AccessDeniedHandlerImpl();
        AccessDeniedHandler denied = (request, response, e) ->
                (problems.matches(request) ? apiProblems : otherDenied).handle(request, response, e);
        // The API description: open in the sandbox for newcomers, behind a login in production (ksflow.security.public-api-docs).
        RequestMatcher apiDocs = new OrRequestMatcher(path("/v3/api-docs*"), path("/v3/api-docs/**"),
                path("/swagger-ui/**"), path("/swagger-ui.html"));
        AuthorizationManager<RequestAuthorizationContext> apiDocsAccess = publicApiDocs
                ? (authentication, context) -> new AuthorizationDecision(true)
                : AuthenticatedAuthorizationManager.authenticated();
        // Path matchers on the whole path: /engine-rest is served by Jersey, not by Spring MVC's dispatcher.
        // With sso, /benefits and /process-owners/** are pages people sign in to, and /sandbox/** has a chain of its own
        // (sandboxSecurity).
        List<RequestMatcher> paths = new ArrayList<>(List.of(api, engineRest, path("/actuator/**"), apiDocs));
        if (!sso) {
            paths.addAll(List.of(path("/sandbox/**"), path("/benefits"), path("/process-owners/**")));
        }
        http.securityMatcher(new OrRequestMatcher(paths))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (sso) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.decoder(bearerTokens.getObject())
                                    .jwtAuthenticationConverter(bearerTokenAuthentication.getObject()))
                            .authenticationEntryPoint(entryPoint)
                            .accessDeniedHandler(denied))
                    .addFilterAfter(new EngineRestAuthenticationFilter(identityService), BearerTokenAuthenticationFilter.class);
        } else {
            http.authenticationProvider(new IdentityServiceAuthenticationProvider(identityService, loginCache, clock))
                    .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(entryPoint))
                    .addFilterAfter(new EngineRestAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        }
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers(path("/actuator/health/**"), path("/actuator/health"), path("/actuator/info")).permitAll()
                    .requestMatchers(path("/actuator/**")).hasAuthority(Groups.ADMIN)
                    .requestMatchers(path("/api/v1/benefits"), path("/benefits")).hasAnyAuthority(Groups.MANAGEMENT, Groups.ADMIN);
            processOwnerRules(auth);
            auth.requestMatchers(path("/api/v1/me/**")).authenticated()
                    .requestMatchers(path("/api/v1/**")).hasAnyAuthority(Groups.SERVICENOW_INTAKE, Groups.ADMIN)
                    .requestMatchers(AdminOnlyOperations.engineRest()).hasAuthority(Groups.ADMIN)
                    .requestMatchers(engineRest).authenticated();
            sandboxRules(auth);
            auth.requestMatchers(apiDocs).access(apiDocsAccess)
                    .anyRequest().denyAll();
        });
        return http.build();
    }

    /** Profile sso with the sandbox on: the application's own clients still reach the simulators with HTTP Basic. */
    @Bean
    @Order(0)
    @Profile(SSO)
    @ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
    SecurityFilterChain sandboxSecurity(HttpSecurity http, IdentityService identityService, Clock clock,
                                        JwtDecoder bearerTokens, Converter<Jwt, AbstractAuthenticationToken> bearerTokenAuthentication,
                                        @Value("${ksflow.security.login-cache:PT30S}") Duration loginCache) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        basic.afterPropertiesSet();
        http.securityMatcher(path("/sandbox/**"))
                .authenticationProvider(new IdentityServiceAuthenticationProvider(identityService, loginCache, clock))
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                .oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(basic)
                        .jwt(jwt -> jwt.decoder(bearerTokens).jwtAuthenticationConverter(bearerTokenAuthentication)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(basic))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    sandboxRules(auth);
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }

    private static void sandboxRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(path("/sandbox/*/api/**"), path(HttpMethod.GET, "/sandbox/*/health"))
                .hasAnyAuthority(Groups.SANDBOX_CLIENTS, Groups.ADMIN)
                .requestMatchers(path(HttpMethod.GET, "/sandbox")).authenticated()
                .requestMatchers(path("/sandbox/**")).hasAuthority(Groups.ADMIN);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http, CamundaBpmProperties camunda, Environment environment,
                                       ObjectProvider<ClientRegistrationRepository> registrations,
                                       ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers) throws Exception {
        String webapps = camunda.getWebapp().getApplicationPath();
        // Cockpit, Tasklist and Admin keep their own CSRF filter (the XSRF-TOKEN cookie and X-XSRF-TOKEN header).
        http.csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        if (!environment.acceptsProfiles(Profiles.of(SSO))) {
            // The webapps authenticate with their own session login.
            http.authorizeHttpRequests(auth -> auth
                    // The first administrator comes from configuration (camunda.bpm.admin-user), never from a web page.
                    .requestMatchers(path(webapps + "/api/admin/setup/**"), path(webapps + "/app/admin/*/setup/**")).denyAll()
                    .requestMatchers(AdminOnlyOperations.webapps(webapps)).access(AdminOnlyOperations.webappAdministrator())
                    .anyRequest().permitAll());
            return http.build();
        }
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations.getObject(), OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        SavedRequestAwareAuthenticationSuccessHandler toSavedPage = new SavedRequestAwareAuthenticationSuccessHandler();
        // Only a page of this application, saved when the person was sent to sign in: no redirect from a parameter.
        toSavedPage.setDefaultTargetUrl("/");
        AuthenticationSuccessHandler signedIn = (request, response, authentication) -> {
            if (authentication.getAuthorities().isEmpty()) {
                response.sendRedirect(request.getContextPath() + NO_ACCESS_PAGE);
            } else {
                toSavedPage.onAuthenticationSuccess(request, response, authentication);
            }
        };
        RequestMatcher webappApi = path(webapps + "/api/**");
        String signIn = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION_ID;
        RequestMatcher camundaLogout = new AndRequestMatcher(path(HttpMethod.POST, webapps + "/api/admin/auth/user/*/logout"),
                CamundaXsrf::headerMatchesSession);
        // Signed in through the provider (an anonymous visitor is "authenticated" too, with ROLE_ANONYMOUS), with a KS Flow group.
        AuthorizationManager<RequestAuthorizationContext> anyGroup = (authentication, context) ->
                new AuthorizationDecision(hasAnyGroup(authentication.get()));
        // Spring Security's own CSRF token guards KS Flow's own sign-out form (SignInPages); nothing else here.
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(path(HttpMethod.POST, "/logout")))
                // A new session at sign-in: nothing from before it (a planted session id, another person's webapp login) survives.
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
                .oauth2Login(login -> login
                        .loginPage(signIn)
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
                        .userInfoEndpoint(u -> u.oidcUserService(oidcUsers.getObject()))
                        .successHandler(signedIn)
                        .failureUrl(SIGNED_OUT_PAGE + "?fejl"))
                .logout(logout -> logout
                        // KS Flow's own sign-out (a form with the session's token), and the webapps' "Log out" button
                        // (with the webapps' XSRF token, checked here since Spring Security answers it).
                        .logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"), camundaLogout))
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(), webappApi)
                        .logoutSuccessUrl(SIGNED_OUT_PAGE))
                .exceptionHandling(exceptions -> exceptions
                        // The webapps' own calls (XHR) get 401, not a redirect to the provider; pages are sent to sign in.
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(signIn), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler((request, response, e) -> {
                            if (webappApi.matches(request) || hasAnyGroup(SecurityContextHolder.getContext().getAuthentication())) {
                                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                            } else {
                                response.sendRedirect(request.getContextPath() + NO_ACCESS_PAGE);
                            }
                        }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path(webapps + "/api/admin/setup/**"), path(webapps + "/app/admin/*/setup/**")).denyAll()
                        // No passwords with sso: the webapps' own login form is closed.
                        .requestMatchers(path(webapps + "/api/admin/auth/user/*/login/**")).denyAll()
                        .requestMatchers(AdminOnlyOperations.webapps(webapps)).hasAuthority(Groups.ADMIN)
                        .requestMatchers(path("/benefits")).hasAnyAuthority(Groups.MANAGEMENT, Groups.ADMIN)
                        .requestMatchers(path("/process-owners/what-if")).hasAuthority(Groups.PROCESS_OWNERS)
                        .requestMatchers(path("/process-owners/waiting-times"), path("/process-owners/waiting-times/**"))
                        .hasAnyAuthority(Groups.PROCESS_OWNERS, Groups.MANAGEMENT)
                        .requestMatchers(path(NO_ACCESS_PAGE), path(SIGNED_OUT_PAGE), path("/error"), path("/favicon.ico")).permitAll()
                        .anyRequest().access(anyGroup));
        return http.build();
    }

    /** Process owners try decision tables and move running cases; they and management see where cases wait. */
    private static void processOwnerRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(path("/api/v1/decisions/*/what-if"), path("/api/v1/process-owners/migrations/*"),
                        path("/process-owners/what-if")).hasAuthority(Groups.PROCESS_OWNERS)
                .requestMatchers(path("/api/v1/process-owners/waiting-times/*"), path("/process-owners/waiting-times"),
                        path("/process-owners/waiting-times/**")).hasAnyAuthority(Groups.PROCESS_OWNERS, Groups.MANAGEMENT);
    }

    private static boolean hasAnyGroup(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof OidcUser && !authentication.getAuthorities().isEmpty();
    }
}
