package dk.kk.ks.flow.platform.sso;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Profile sso (README, "Sign-in"): which claims of the identity provider's tokens name the person and their groups,
 * the audience every bearer token must carry, and which of the provider's groups or app roles are which KS Flow group.
 *
 * @param userClaim    the claim that is the Camunda user id (Entra ID: preferred_username, the user principal name)
 * @param groupsClaim  the claim with a person's groups (Entra ID: groups, object ids); app roles are read from "roles"
 * @param audience     the audience (aud) a bearer token on /api or /engine-rest must name: KS Flow's application id URI;
 *                     required with profile sso ({@link #requireAudience()}), unused without it
 * @param groupMapping identity-provider group id or app-role name to KS Flow group id; anything unmapped gives nothing
 */
@Validated
@ConfigurationProperties("ksflow.security.oidc")
public record OidcProperties(@DefaultValue("preferred_username") @NotBlank String userClaim,
                             @DefaultValue("groups") @NotBlank String groupsClaim,
                             String audience,
                             Map<String, String> groupMapping) {

    /** Entra ID puts an application's (and a person's) app roles here. */
    public static final String ROLES_CLAIM = "roles";

    public OidcProperties {
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    }

    /**
     * The audience; profile sso does not start without one. (Not a bean-validation constraint: the properties are
     * bound in every profile, and without sso there is no audience to give.)
     */
    public String requireAudience() {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("Profile sso needs ksflow.security.oidc.audience (KSFLOW_OIDC_AUDIENCE): "
                    + "the audience every bearer token must name");
        }
        return audience;
    }
}
