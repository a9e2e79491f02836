package dk.kk.ks.flow.platform.sso;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Profile sso (README, "Sign-in"): people sign in through the identity provider (OpenID Connect), systems call with
 * its bearer tokens. Everything time-dependent in the tokens (exp, nbf, iat) is checked on the application's clock.
 */
@Configuration
@Profile("sso")
@EnableConfigurationProperties(OidcProperties.class)
public class SsoConfiguration {

    @Bean
    TokenGroups tokenGroups(OidcProperties properties) {
        return new TokenGroups(properties);
    }

    @Bean
    SignIns signIns(IdentityService identityService) {
        return new SignIns(identityService);
    }

    /**
     * Bearer tokens on /api and /engine-rest: signed with a key from the provider's JWKS, issued by the provider,
     * for KS Flow's audience, within exp and nbf. The provider's metadata is read at the first token, not at start.
     */
    @Bean
    JwtDecoder bearerTokenDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                                  OidcProperties properties, Clock clock) {
        String audience = properties.requireAudience();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator();
            timestamps.setClock(clock);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                            audiences -> audiences != null && audiences.contains(audience))));
            return decoder;
        });
    }

    /**
     * A bearer token's principal and its mapped KS Flow groups (nothing else: no scopes as authorities). A token that
     * carries no mapped group or app role is refused like a bad one (401): it speaks for nobody KS Flow knows.
     */
    @Bean
    Converter<Jwt, AbstractAuthenticationToken> bearerTokenAuthentication(TokenGroups tokenGroups) {
        return jwt -> {
            List<SimpleGrantedAuthority> authorities = tokenGroups.authorities(jwt.getClaims());
            String principal = tokenGroups.principal(jwt.getClaims());
            if (authorities.isEmpty() || principal == null) {
                throw new InvalidBearerTokenException("The token carries no group or role that KS Flow maps");
            }
            return new JwtAuthenticationToken(jwt, authorities, principal);
        };
    }

    /** The ID token of a sign-in, checked on the application's clock (Spring Security picks this bean up). */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(Clock clock) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> {
            JwtTimestampValidator timestamps = new JwtTimestampValidator();
            timestamps.setClock(clock);
            OidcIdTokenValidator idToken = new OidcIdTokenValidator(registration);
            idToken.setClock(clock);
            return new DelegatingOAuth2TokenValidator<>(timestamps, idToken);
        });
        return factory;
    }

    /** The signed-in person: the user claim as user id, the mapped groups of this sign-in's token as authorities. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(TokenGroups tokenGroups, SignIns signIns, OidcProperties properties) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser person = standard.loadUser(request);
            String userId = tokenGroups.userId(person.getClaims());
            if (userId == null) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", "The token has no " + properties.userClaim(), null));
            }
            List<String> groups = tokenGroups.groups(person.getClaims());
            signIns.record(userId, person, groups);
            return new DefaultOidcUser(tokenGroups.authorities(person.getClaims()), person.getIdToken(), person.getUserInfo(),
                    properties.userClaim());
        };
    }

    /**
     * Camunda's container-based authentication in front of the webapps' own authentication filter: Cockpit, Tasklist
     * and Admin see the person Spring Security signed in, with the groups of this sign-in.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication(CamundaBpmProperties camunda) {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("KS Flow container-based authentication");
        registration.addInitParameter("authentication-provider", SpringSecurityContainerAuthentication.class.getName());
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/*");
        // After Spring Security, before the webapps' filters (registered by Camunda's initializer, after all beans).
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
