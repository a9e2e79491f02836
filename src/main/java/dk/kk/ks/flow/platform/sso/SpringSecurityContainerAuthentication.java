package dk.kk.ks.flow.platform.sso;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Camunda's container-based authentication for the webapps (profile sso): the person Spring Security signed in
 * through the identity provider, with the KS Flow groups mapped from their token at this sign-in. Camunda's
 * ContainerBasedAuthenticationFilter instantiates it by name (init parameter authentication-provider).
 */
public class SpringSecurityContainerAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || !(authentication.getPrincipal() instanceof OidcUser)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        result.setGroups(groups);
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security sends people to the identity provider before a request gets here.
    }
}
