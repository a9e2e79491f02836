package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.support.ManualClock;

class LoginThrottleTest {

    private static final String ATTACKER = "203.0.113.7";

    private final ManualClock clock = new ManualClock(Instant.parse("2027-03-10T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(true, 10, Duration.ofMinutes(5), 1000), clock);

    @Test
    void anAddressIsThrottledAfterMaxFailuresAndEarnsOneAttemptBackEveryWindowDividedByMaxFailures() {
        fail(ATTACKER, 9);
        assertThat(throttle.waitTime(ATTACKER)).isZero();

        fail(ATTACKER, 1);
        assertThat(throttle.waitTime(ATTACKER)).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(throttle.waitTime(ATTACKER)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitTime(ATTACKER)).isZero();

        fail(ATTACKER, 1);
        assertThat(throttle.waitTime(ATTACKER)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failuresThatWereUnderWayWhenTheLastAttemptWentAreChargedAsDebt() {
        fail(ATTACKER, 10);
        // Three more wrong logins that passed the check at the same moment as the tenth, and failed after it.
        fail(ATTACKER, 3);

        assertThat(throttle.waitTime(ATTACKER)).isEqualTo(Duration.ofSeconds(4 * 30));
    }

    @Test
    void otherAddressesAreNotAffected() {
        fail(ATTACKER, 50);

        assertThat(throttle.waitTime("203.0.113.8")).isZero();
        assertThat(throttle.waitTime("127.0.0.1")).isZero();
    }

    @Test
    void anIpv6ClientCountsPerSlash64SoItCannotWalkThroughItsOwnAddresses() {
        for (int host = 1; host <= 10; host++) {
            throttle.failed("2001:db8:1:2::" + Integer.toHexString(host));
        }

        assertThat(throttle.waitTime("2001:db8:1:2:ffff:ffff:ffff:ffff")).isPositive();
        assertThat(throttle.waitTime("2001:db8:1:3::1")).isZero();
        assertThat(LoginThrottle.key("2001:0db8:0001:0002:0000:0000:0000:0009")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.key("::ffff:203.0.113.7")).isEqualTo(ATTACKER);
    }

    @Test
    void anAddressIsForgottenOnceItHasEarnedEveryAttemptBackAndTheMemoryIsBounded() {
        fail(ATTACKER, 10);
        assertThat(throttle.rememberedAddresses()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(throttle.waitTime(ATTACKER)).isZero();
        assertThat(throttle.rememberedAddresses()).isZero();

        LoginThrottle small = new LoginThrottle(new LoginThrottleProperties(true, 10, Duration.ofMinutes(5), 100), clock);
        for (int address = 0; address < 1000; address++) {
            small.failed("198.51." + (address / 250) + "." + (address % 250));
        }
        assertThat(small.rememberedAddresses()).isLessThanOrEqualTo(100);
    }

    @Test
    void switchedOffNothingIsThrottled() {
        LoginThrottle off = new LoginThrottle(new LoginThrottleProperties(false, 1, Duration.ofMinutes(5), 1000), clock);
        for (int attempt = 0; attempt < 100; attempt++) {
            off.failed(ATTACKER);
        }

        assertThat(off.waitTime(ATTACKER)).isZero();
    }

    private void fail(String address, int times) {
        for (int attempt = 0; attempt < times; attempt++) {
            throttle.failed(address);
        }
    }
}
