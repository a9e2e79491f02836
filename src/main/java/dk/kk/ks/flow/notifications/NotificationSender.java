package dk.kk.ks.flow.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due e-mails over SMTP, after the transactions that recorded them have committed, and makes the
 * daily digests. Runs on every node: a node claims the rows it sends (Outbox), marks each SENT once the mail server
 * took it, and when the mail server is down leaves the rest for a later attempt (the wait doubles up to
 * {@code ksflow.notifications.max-retry-delay}). The engine never waits for the mail server, so an outage delays
 * e-mails but never a case. The texts are written now, from the engine's data: a task completed meanwhile is not
 * announced (DROPPED).
 */
@Component
public class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final Outbox outbox;
    private final CaseFacts facts;
    private final NotificationTexts texts;
    private final Recipients recipients;
    private final Links links;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicBoolean warnedNoMailServer = new AtomicBoolean();

    NotificationSender(Outbox outbox, CaseFacts facts, NotificationTexts texts, Recipients recipients, Links links,
                       ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties, TransactionTemplate transaction,
                       Clock clock) {
        this.outbox = outbox;
        this.facts = facts;
        this.texts = texts;
        this.recipients = recipients;
        this.links = links;
        this.mailSender = mailSender;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sends every due e-mail (in batches), until none is due or the mail server fails. */
    @Scheduled(initialDelayString = "${ksflow.notifications.send-interval:PT5S}", fixedDelayString = "${ksflow.notifications.send-interval:PT5S}")
    public void sendDue() {
        if (!properties.enabled()) {
            return;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (warnedNoMailServer.compareAndSet(false, true)) {
                log.warn("No mail server is configured (spring.mail.host): notifications wait in the outbox");
            }
            return;
        }
        List<Outbox.Row> rows;
        do {
            rows = outbox.claimDue(properties.batchSize(), properties.lockTime());
            for (int i = 0; i < rows.size(); i++) {
                if (!send(sender, rows.get(i))) {
                    // The mail server is down: the rest of the batch waits as long as the row that failed.
                    Duration wait = properties.delayAfter(rows.get(i).attempts() + 1);
                    rows.subList(i + 1, rows.size()).forEach(row -> outbox.release(row, wait));
                    return;
                }
            }
        } while (rows.size() >= properties.batchSize());
    }

    /**
     * Moves the e-mails waiting for each person's digest into one e-mail per person, sent with the next {@link #sendDue()},
     * and removes the outbox's finished rows older than {@code ksflow.notifications.keep-for}. Once a day at
     * {@code ksflow.notifications.digest-cron} (Copenhagen time).
     */
    @Scheduled(cron = "${ksflow.notifications.digest-cron:0 0 7 * * *}", zone = "Europe/Copenhagen")
    public void makeDigests() {
        if (!properties.enabled()) {
            return;
        }
        int made = 0;
        for (String recipient : outbox.recipientsWithHeldRows()) {
            if (Boolean.TRUE.equals(transaction.execute(status -> outbox.bundle(recipient)))) {
                made++;
            }
        }
        int removed = outbox.removeFinished(clock.instant().minus(properties.keepFor()));
        log.info("Made {} daily digests of notifications; removed {} finished notifications", made, removed);
    }

    /** @return false when the mail server could not be reached (the row and the rest of the batch are tried later) */
    private boolean send(JavaMailSender sender, Outbox.Row row) {
        MimeMessage message;
        try {
            Optional<NotificationTexts.Mail> mail = compose(row);
            if (mail.isEmpty()) {
                outbox.dropped(row);
                log.debug("Notification {} ({}) dropped: nothing waits any more", row.id(), row.kind());
                return true;
            }
            message = message(sender, row, mail.get());
        } catch (RuntimeException e) {
            if (row.attempts() == 0) {
                log.warn("Could not write notification {} ({}, case {}, task {})", row.id(), row.kind(), row.caseId(), row.taskId(), e);
            }
            failedAttempt(row, e);
            return true;
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            failedAttempt(row, e);
            // A message the server refused (its address, say) fails alone; no connection or login fails them all.
            return e instanceof MailSendException refused && !refused.getFailedMessages().isEmpty();
        }
        outbox.sent(row);
        log.debug("Sent notification {} ({}, case {}, task {})", row.id(), row.kind(), row.caseId(), row.taskId());
        return true;
    }

    private void failedAttempt(Outbox.Row row, Exception e) {
        String error = describe(e);
        if (clock.instant().isAfter(row.createdAt().plus(properties.giveUpAfter()))) {
            outbox.failed(row, error);
            log.error("Gave up notification {} ({}, case {}, task {}) after {} attempts: {}", row.id(), row.kind(), row.caseId(),
                    row.taskId(), row.attempts() + 1, error);
            return;
        }
        Duration wait = properties.delayAfter(row.attempts() + 1);
        outbox.retryLater(row, wait, error);
        log.warn("Could not send notification {} ({}): {}; attempt {} failed, retrying in {}", row.id(), row.kind(), error,
                row.attempts() + 1, wait);
    }

    /** The e-mail, or empty when there is nothing to tell any more. */
    private Optional<NotificationTexts.Mail> compose(Outbox.Row row) {
        String name = row.userId() == null ? null : recipients.name(row.userId());
        return switch (row.kind()) {
            case TASK -> facts.openTask(row.taskId()).map(task -> texts.task(task, name));
            case REMINDER -> facts.openTask(row.taskId()).map(task -> texts.reminder(task, name));
            case DIGEST -> {
                List<CaseFacts.WaitingTask> open = outbox.tasksOfDigest(row.id()).stream()
                        .map(facts::openTask).flatMap(Optional::stream).toList();
                yield open.isEmpty() ? Optional.empty() : Optional.of(texts.digest(open, name, links.tasklist()));
            }
            case ESCALATED -> facts.caseSummary(row.caseId()).map(summary -> texts.escalated(summary, name,
                    approverName(facts.variable(row.caseId(), "approver"))));
            case EXPIRED -> facts.caseSummary(row.caseId()).map(summary -> texts.expired(summary, name));
        };
    }

    private String approverName(Object approver) {
        return approver instanceof String userId ? recipients.name(userId) : "din leder";
    }

    private MimeMessage message(JavaMailSender sender, Outbox.Row row, NotificationTexts.Mail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(row.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            helper.setSentDate(Date.from(clock.instant()));
            // RFC 3834: no out-of-office replies to an automatic e-mail; the header names the outbox row.
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-KSFlow-Notification", row.id());
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot build the e-mail of notification " + row.id(), e);
        }
        return message;
    }

    /** The failure without addresses or texts: the exception types down to the cause (e.g. a refused connection). */
    private static String describe(Exception e) {
        StringBuilder described = new StringBuilder(e.getClass().getSimpleName());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            described.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return described.length() > 200 ? described.substring(0, 200) : described.toString();
    }
}
