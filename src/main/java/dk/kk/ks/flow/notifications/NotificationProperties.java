package dk.kk.ks.flow.notifications;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ksflow.notifications}: the e-mails that tell people a task waits for them.
 *
 * @param enabled        false: no task records a notification and nothing is sent
 * @param baseUrl        where people open KS Flow (the link in every e-mail); empty: this server's own address
 *                       ({@code http://localhost:<port>}), which is right for the sandbox only
 * @param from           the sender of every e-mail
 * @param groupMailboxes a group whose tasks go to a shared mailbox instead of to each member: group id to address
 * @param retryDelay     the wait after the first failed attempt to send; it doubles with each attempt, up to {@code maxRetryDelay}
 * @param maxRetryDelay  the longest wait between two attempts
 * @param giveUpAfter    an e-mail still not sent this long after it was recorded is given up (status FAILED, logged as an error)
 * @param lockTime       how long a node holds the e-mails it is sending before another node may take them
 * @param batchSize      how many e-mails a node takes at a time
 * @param keepFor        how long the outbox keeps a finished row (sent, dropped, given up) before the daily job removes it
 */
@ConfigurationProperties(prefix = "ksflow.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean enabled,
        String baseUrl,
        @DefaultValue("KS Flow <ksflow@ksflow.test>") String from,
        Map<String, String> groupMailboxes,
        @DefaultValue("PT30S") Duration retryDelay,
        @DefaultValue("PT30M") Duration maxRetryDelay,
        @DefaultValue("P3D") Duration giveUpAfter,
        @DefaultValue("PT5M") Duration lockTime,
        @DefaultValue("20") int batchSize,
        @DefaultValue("P30D") Duration keepFor) {

    public NotificationProperties {
        groupMailboxes = groupMailboxes == null ? Map.of() : Map.copyOf(groupMailboxes);
    }

    /** The wait before attempt number {@code attempts + 1}: retryDelay x 2^(attempts - 1), at most maxRetryDelay. */
    Duration delayAfter(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
