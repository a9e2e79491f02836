package dk.kk.ks.flow.integration.digitalpost;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.SystemEndpoints;

/** Sends a letter as a MeMo message in a KombiPostAfsend request. Logs the label and the message UUID, never the recipient. */
@Component
class DigitalPostAdapter implements DigitalPostPort {

    static final String SYSTEM = "digitalpost";

    private static final Logger LOG = LoggerFactory.getLogger(DigitalPostAdapter.class);

    private final DigitalPostClient client;
    private final SystemEndpoints endpoints;
    private final MemoMessageBuilder builder;
    private final Clock clock;

    DigitalPostAdapter(DigitalPostClient client, SystemEndpoints endpoints, MemoMessageBuilder builder, Clock clock) {
        this.client = client;
        this.endpoints = endpoints;
        this.builder = builder;
        this.clock = clock;
    }

    @Override
    public String send(Letter letter, String idempotencyKey) {
        UUID messageUuid = messageUuid(idempotencyKey);
        String request = builder.kombiRequest(letter, messageUuid, OffsetDateTime.now(clock));
        LOG.info("Sending Digital Post message {} '{}' to a {} recipient (case {})", messageUuid, letter.label(),
                letter.recipientIdType(), letter.caseNumber());
        String messageId = client.send(endpoints.baseUri(SYSTEM), idempotencyKey, messageUuid.toString(), request).messageId();
        LOG.info("Digital Post accepted message {} as {}", messageUuid, messageId);
        return messageId;
    }

    /** The same idempotency key gives the same message UUID, so Digital Post sees a retry as the same message. */
    static UUID messageUuid(String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("digitalpost:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }
}
