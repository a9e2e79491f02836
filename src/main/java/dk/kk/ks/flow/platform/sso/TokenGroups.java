package dk.kk.ks.flow.platform.sso;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A token's KS Flow groups: every entry of the groups claim and of the roles claim that the group mapping names,
 * and nothing else (an unmapped group, or a KS Flow group id written straight into a claim, gives nothing).
 */
public final class TokenGroups {

    private final OidcProperties properties;

    public TokenGroups(OidcProperties properties) {
        this.properties = properties;
    }

    /** The KS Flow group ids of a token's (or ID token's) claims, sorted. */
    public List<String> groups(Map<String, Object> claims) {
        TreeSet<String> groups = new TreeSet<>();
        for (String claim : List.of(properties.groupsClaim(), OidcProperties.ROLES_CLAIM)) {
            for (String entry : entries(claims.get(claim))) {
                String group = properties.groupMapping().get(entry);
                if (group != null && !group.isBlank()) {
                    groups.add(group);
                }
            }
        }
        return List.copyOf(groups);
    }

    public List<SimpleGrantedAuthority> authorities(Map<String, Object> claims) {
        return groups(claims).stream().map(SimpleGrantedAuthority::new).toList();
    }

    /** The user id, from the configured claim; null when the token has none. */
    public String userId(Map<String, Object> claims) {
        Object value = claims.get(properties.userClaim());
        return value instanceof String id && !id.isBlank() ? id : null;
    }

    /**
     * Who a bearer token speaks for: the person (the user claim), or else the calling application (Entra ID: azp in
     * v2.0 tokens, appid in v1.0 tokens), or else the subject.
     */
    public String principal(Map<String, Object> claims) {
        String userId = userId(claims);
        if (userId != null) {
            return userId;
        }
        for (String claim : List.of("azp", "appid", "client_id", "sub")) {
            if (claims.get(claim) instanceof String id && !id.isBlank()) {
                return id;
            }
        }
        return null;
    }

    private static Collection<String> entries(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String value ? List.of(value) : List.of();
    }
}
