package dk.kk.ks.flow.sandbox.digitalpost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's Digital Post (SF1601 KombiPostAfsend): checks the MeMo message's structure (MemoValidator),
 * answers 400 INVALID_MEMO to a malformed one and accepts a good one with a message id. The full XML is in
 * the request log ({@code GET /sandbox/digitalpost/requests}); {@code GET /sandbox/digitalpost/messages}
 * lists the accepted messages without recipient ids.
 */
@RestController
@RequestMapping("/sandbox/digitalpost")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class DigitalPostSimulator {

    /** The answer to an accepted message. */
    record Accepted(String messageId) {
    }

    /** An accepted message, as the sandbox lists it. */
    record Message(String messageId, MemoValidator.Accepted memo) {
    }

    private final List<Message> messages = new ArrayList<>();

    /** Sandbox data: every accepted message, oldest first. */
    @GetMapping("/messages")
    synchronized List<Message> allMessages() {
        return List.copyOf(messages);
    }

    @PostMapping(value = "/api/KombiPostAfsend_1/memos", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> send(@RequestBody byte[] body) {
        MemoValidator.Accepted memo;
        try {
            memo = MemoValidator.validate(body);
        } catch (MemoValidator.InvalidMemoException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("code", "INVALID_MEMO", "message", e.getMessage()));
        }
        String messageId = UUID.randomUUID().toString();
        synchronized (this) {
            messages.add(new Message(messageId, memo));
        }
        return ResponseEntity.ok(new Accepted(messageId));
    }
}
