package dk.kk.ks.flow.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The engine's operations that only administrators (group camunda-admin) may use, whatever the method, through
 * the engine REST API and through the webapps' copy of it (Cockpit). Camunda's authorizations do not cover a
 * job without a process definition: the history cleanup job (the 730-day retention of personal data) and the
 * jobs of batches could otherwise be suspended, postponed or deleted by any user who can log in. Job logs hold
 * stack traces, and {@code identity/verify} would let a logged-in user try other users' passwords unthrottled.
 */
final class AdminOnlyOperations {

    /** Below an engine's REST root: every job, job definition, batch, history cleanup and job log resource. */
    static final List<String> OPERATIONS = List.of("/job/**", "/job-definition/**", "/batch/**",
            "/history/batch/**", "/history/cleanup/**", "/history/job-log/**", "/identity/verify");

    private AdminOnlyOperations() {
    }

    /** {@code /engine-rest} (the default engine) and {@code /engine-rest/engine/{name}}. */
    static RequestMatcher engineRest() {
        return below("/engine-rest", "/engine-rest/engine/{engine}");
    }

    /** The webapps' engine API, {@code {webappPath}/api/engine/engine/{name}}, that Cockpit calls with its session. */
    static RequestMatcher webapps(String webappPath) {
        return below(webappPath + "/api/engine/engine/{engine}");
    }

    /** Grants a webapp request when its Camunda session is logged into the path's engine as a camunda-admin member. */
    static AuthorizationManager<RequestAuthorizationContext> webappAdministrator() {
        return (authentication, context) -> new AuthorizationDecision(
                isWebappAdministrator(context.getRequest(), context.getVariables().get("engine")));
    }

    private static boolean isWebappAdministrator(HttpServletRequest request, String engine) {
        HttpSession session = request.getSession(false);
        if (session == null || engine == null) {
            return false;
        }
        return AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user
                && user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMIN);
    }

    private static RequestMatcher below(String... roots) {
        List<RequestMatcher> matchers = new java.util.ArrayList<>();
        for (String root : roots) {
            for (String operation : OPERATIONS) {
                matchers.add(PathPatternRequestMatcher.withDefaults().matcher(root + operation));
            }
        }
        return new OrRequestMatcher(matchers);
    }
}
