package dk.kk.ks.flow.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks HTTP Basic credentials against Camunda's identity service; the user's groups become authorities.
 *
 * <p>Every API client sends its credentials with every request (ServiceNow, the caseworkers' Tasklist
 * calls, and in the sandbox the application's own calls to the simulators), and each check costs two
 * queries and a salted SHA-512. A successful check is therefore remembered for {@code loginCache}
 * (per user: a salted SHA-256 of the password, never the password, and the groups); a repeat of the same
 * credentials within it is accepted without the database. Anything else (another password, an expired
 * entry) goes to the identity service, and a changed password or a changed group takes effect within
 * {@code loginCache}. A wrong password leaves the remembered login alone: whoever sends one must not be
 * able to make the right one fail (failed logins are throttled per client address instead, LoginThrottle;
 * Camunda's own login delay and lock are off, application.yml).
 */
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    private record Login(byte[] passwordHash, List<SimpleGrantedAuthority> authorities, Instant expires) {
    }

    private final IdentityService identityService;
    private final Duration loginCache;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final Map<String, Login> logins = new ConcurrentHashMap<>();

    IdentityServiceAuthenticationProvider(IdentityService identityService, Duration loginCache, Clock clock) {
        this.identityService = identityService;
        this.loginCache = loginCache;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        byte[] passwordHash = hash(credentials.toString());
        Login remembered = logins.get(userId);
        if (remembered != null && clock.instant().isBefore(remembered.expires())
                && MessageDigest.isEqual(remembered.passwordHash(), passwordHash)) {
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, remembered.authorities());
        }
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        if (!loginCache.isZero()) {
            logins.put(userId, new Login(passwordHash, authorities, clock.instant().plus(loginCache)));
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    private byte[] hash(String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
