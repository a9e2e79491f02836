package dk.kk.ks.flow.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ksflow.security.login-throttle}: how many failed logins one client address may make.
 *
 * @param enabled      off only for a load test that logs in wrongly on purpose
 * @param maxFailures  failed logins an address may make at once; then it waits
 * @param window       the time in which the address earns all {@code maxFailures} back, evenly
 *                     (10 per 5 minutes: one more attempt every 30 seconds)
 * @param maxAddresses the addresses remembered at most (the least recently used are forgotten first)
 */
@ConfigurationProperties(prefix = "ksflow.security.login-throttle")
public record LoginThrottleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10") int maxFailures,
                                      @DefaultValue("PT5M") Duration window, @DefaultValue("100000") long maxAddresses) {

    public LoginThrottleProperties {
        if (maxFailures < 1 || window == null || window.isZero() || window.isNegative() || maxAddresses < 1) {
            throw new IllegalArgumentException("ksflow.security.login-throttle needs max-failures >= 1, a positive window and max-addresses >= 1");
        }
    }
}
