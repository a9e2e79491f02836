package dk.kk.ks.flow.sandbox.opus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.integration.opus.OpusDebitorPort;

/**
 * The sandbox's Opus Debitor: payouts are registered, then released or cancelled. Every debtor exists
 * unless the sandbox data blocks it ({@code PUT /sandbox/opus/debtors/{debtorNumber}} {"blocked": true}),
 * in which case a registration is refused with 422 DEBTOR_BLOCKED.
 */
@RestController
@RequestMapping("/sandbox/opus")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class OpusDebitorSimulator {

    record Debtor(boolean blocked) {
    }

    private final Map<String, Debtor> debtors = new ConcurrentHashMap<>();
    private final Map<String, OpusDebitorPort.Payout> payouts = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(5_000_000);

    @PutMapping("/debtors/{debtorNumber}")
    Debtor putDebtor(@PathVariable String debtorNumber, @RequestBody Debtor debtor) {
        debtors.put(debtorNumber, debtor);
        return debtor;
    }

    @PostMapping("/api/debitor/payouts")
    ResponseEntity<Object> register(@RequestBody OpusDebitorPort.PayoutRequest request) {
        if (request.debtorNumber() == null || request.amount() == null || request.amount().signum() <= 0) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "debtorNumber and a positive amount are required");
        }
        if (debtors.getOrDefault(request.debtorNumber(), new Debtor(false)).blocked()) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "DEBTOR_BLOCKED", "Debitor " + request.debtorNumber() + " er spærret");
        }
        OpusDebitorPort.Payout payout = new OpusDebitorPort.Payout("UDB" + sequence.incrementAndGet(), "REGISTERED");
        payouts.put(payout.payoutId(), payout);
        return ResponseEntity.status(HttpStatus.CREATED).body(payout);
    }

    @PostMapping("/api/debitor/payouts/{payoutId}/release")
    ResponseEntity<Object> release(@PathVariable String payoutId) {
        return transition(payoutId, "RELEASED");
    }

    @PostMapping("/api/debitor/payouts/{payoutId}/cancel")
    ResponseEntity<Object> cancel(@PathVariable String payoutId) {
        return transition(payoutId, "CANCELLED");
    }

    @GetMapping("/api/debitor/payouts/{payoutId}")
    ResponseEntity<Object> get(@PathVariable String payoutId) {
        OpusDebitorPort.Payout payout = payouts.get(payoutId);
        return payout == null ? error(HttpStatus.NOT_FOUND, "PAYOUT_NOT_FOUND", "No payout " + payoutId) : ResponseEntity.ok(payout);
    }

    private synchronized ResponseEntity<Object> transition(String payoutId, String target) {
        OpusDebitorPort.Payout payout = payouts.get(payoutId);
        if (payout == null) {
            return error(HttpStatus.NOT_FOUND, "PAYOUT_NOT_FOUND", "No payout " + payoutId);
        }
        if (!"REGISTERED".equals(payout.status())) {
            return error(HttpStatus.CONFLICT, "PAYOUT_" + payout.status(), "Payout " + payoutId + " is already " + payout.status());
        }
        OpusDebitorPort.Payout changed = new OpusDebitorPort.Payout(payoutId, target);
        payouts.put(payoutId, changed);
        return ResponseEntity.ok(changed);
    }

    static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
