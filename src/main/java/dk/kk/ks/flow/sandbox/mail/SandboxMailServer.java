package dk.kk.ks.flow.sandbox.mail;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's mail server: an SMTP server inside the application (GreenMail) that keeps every e-mail it receives,
 * for GET /sandbox/mail/messages and the page /sandbox/mail. It listens on 127.0.0.1 only, on
 * {@code ksflow.sandbox.mail.port} (0: a free port, chosen at start). Tests stop and start it to stand for an outage;
 * it comes back on the same port and keeps what it had received.
 */
public class SandboxMailServer {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);
    private static final String HOST = "127.0.0.1";
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /** One e-mail as it arrived. */
    public record ReceivedMail(List<String> to, String subject, String text, OffsetDateTime sentAt) {
    }

    private final List<ReceivedMail> fromEarlierRuns = new ArrayList<>();
    private GreenMail greenMail;
    private int port;

    SandboxMailServer(int port) {
        this.port = port;
        start();
        log.info("Sandbox mail server (SMTP) listening on {}:{}; read what was sent at /sandbox/mail", HOST, this.port);
    }

    public String host() {
        return HOST;
    }

    public synchronized int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return greenMail != null && greenMail.isRunning();
    }

    /** Starts the server (again, on the same port). */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        ServerSetup setup = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        greenMail.start();
        port = greenMail.getSmtp().getPort();
    }

    /** Stops the server: connections are refused until {@link #start()}. What it received is kept. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        fromEarlierRuns.addAll(read(greenMail));
        greenMail.stop();
    }

    /** Every e-mail received, newest first. */
    public synchronized List<ReceivedMail> messages() {
        List<ReceivedMail> all = new ArrayList<>(fromEarlierRuns);
        if (isRunning()) {
            all.addAll(read(greenMail));
        }
        // Received order, then newest first by the time the sender gave (a stable sort keeps ties newest first too).
        Collections.reverse(all);
        all.sort(Comparator.comparing(ReceivedMail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return all;
    }

    void shutdown() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static List<ReceivedMail> read(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).map(SandboxMailServer::read).toList();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Date sent = message.getSentDate();
            Object content = message.getContent();
            return new ReceivedMail(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(), message.getSubject(),
                    // SMTP carries lines ending in CRLF; the text is shown as it was written.
                    (content instanceof String text ? text : String.valueOf(content)).replace("\r\n", "\n"),
                    sent == null ? null : sent.toInstant().atZone(COPENHAGEN).toOffsetDateTime());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The sandbox mail server holds an e-mail it cannot read", e);
        }
    }
}
