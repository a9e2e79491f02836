package dk.kk.ks.flow.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Failed logins per client address, counted with Bucket4j. An address holds {@code maxFailures} tokens; each
 * failed login takes one, and they come back evenly over {@code window}. An address without a token is
 * throttled until it has one again. A failure that was already under way when the last token went still
 * counts (the bucket goes into debt), so firing many wrong logins at once only makes the address wait longer.
 *
 * <p>Only failures count: a client that logs in correctly is never slowed down, however often it calls.
 * Buckets live in a bounded cache until they are full again. An IPv6 client counts per /64 network (the
 * smallest block a site is given), so it cannot walk through its own addresses.
 */
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxAddresses())
                .executor(Runnable::run)
                .ticker(time::currentTimeNanos)
                // Kept until the bucket is full again (plus a window's margin): then it knows nothing a new one would not.
                .expireAfter(Expiry.accessing((String address, Bucket bucket) -> untilFull(bucket).plus(properties.window())))
                .build();
    }

    /** How long the address must wait before a login from it is checked again; zero when it may try now. */
    Duration waitTime(String address) {
        if (!properties.enabled()) {
            return Duration.ZERO;
        }
        Bucket bucket = buckets.getIfPresent(key(address));
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** A login from the address failed. */
    void failed(String address) {
        if (!properties.enabled()) {
            return;
        }
        String key = key(address);
        Bucket bucket = buckets.get(key, unused -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            bucket.consumeIgnoringRateLimits(1);
        } else if (probe.getRemainingTokens() == 0) {
            log.warn("Logins from {} are throttled after {} failed logins; one more attempt every {}",
                    key, properties.maxFailures(), properties.window().dividedBy(properties.maxFailures()));
        }
        buckets.getIfPresent(key); // renews the entry's expiry from the bucket's new state
    }

    /** How many addresses are remembered now. */
    long rememberedAddresses() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.maxFailures()).refillGreedy(properties.maxFailures(), properties.window()))
                .withCustomTimePrecision(time)
                .build();
    }

    private Duration untilFull(Bucket bucket) {
        return Duration.ofNanos(bucket.estimateAbilityToConsume(properties.maxFailures()).getNanosToWaitForRefill());
    }

    /** The address an attempt is counted under: an IPv4 address itself, an IPv6 address's /64 network. */
    static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            // A literal with ':' is parsed, never looked up in DNS.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Bucket4j's time, and the cache's, from the application's clock (tests set it). */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
