package dk.kk.ks.flow.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class IdentityServiceAuthenticationProviderTest {

    private final IdentityService identityService = mock(IdentityService.class);
    private final MutableClock clock = new MutableClock();
    private final IdentityServiceAuthenticationProvider provider =
            new IdentityServiceAuthenticationProvider(identityService, Duration.ofSeconds(30), clock);

    @BeforeEach
    void servicenowHasItsPassword() {
        when(identityService.checkPassword("servicenow", "servicenow")).thenReturn(true);
        GroupQuery groups = mock(GroupQuery.class);
        Group intake = mock(Group.class);
        when(intake.getId()).thenReturn("servicenow-intake");
        when(groups.groupMember("servicenow")).thenReturn(groups);
        when(groups.list()).thenReturn(List.of(intake));
        when(identityService.createGroupQuery()).thenReturn(groups);
    }

    @Test
    void theSameCredentialsWithinTheCacheTimeAreNotCheckedAgain() {
        assertThat(authorities(login("servicenow", "servicenow"))).containsExactly("servicenow-intake");
        clock.advance(Duration.ofSeconds(29));
        assertThat(authorities(login("servicenow", "servicenow"))).containsExactly("servicenow-intake");

        verify(identityService, times(1)).checkPassword("servicenow", "servicenow");
    }

    @Test
    void afterTheCacheTimeTheIdentityServiceDecidesAgain() {
        login("servicenow", "servicenow");
        clock.advance(Duration.ofSeconds(31));
        when(identityService.checkPassword("servicenow", "servicenow")).thenReturn(false);

        assertThatThrownBy(() -> login("servicenow", "servicenow")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anotherPasswordIsAlwaysCheckedAndAFailureLeavesTheRightLoginRemembered() {
        login("servicenow", "servicenow");

        for (int attempt = 0; attempt < 50; attempt++) {
            assertThatThrownBy(() -> login("servicenow", "wrong")).isInstanceOf(BadCredentialsException.class);
            assertThat(authorities(login("servicenow", "servicenow"))).containsExactly("servicenow-intake");
        }
        verify(identityService, times(50)).checkPassword("servicenow", "wrong");
        verify(identityService, times(1)).checkPassword("servicenow", "servicenow");
    }

    @Test
    void aZeroCacheTimeChecksEveryRequest() {
        IdentityServiceAuthenticationProvider uncached = new IdentityServiceAuthenticationProvider(identityService, Duration.ZERO, clock);
        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("servicenow", "servicenow"));
        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("servicenow", "servicenow"));

        verify(identityService, times(2)).checkPassword("servicenow", "servicenow");
    }

    private Authentication login(String user, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    private static List<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2027-03-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
