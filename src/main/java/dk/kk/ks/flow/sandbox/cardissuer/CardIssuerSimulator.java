package dk.kk.ks.flow.sandbox.cardissuer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort.Card;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort.CardStatus;

import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;

/**
 * The sandbox's card issuer. At start every employee of sandbox/opus-employees.json with
 * {@code hasPaymentCard: true} has one open card (CARD-100001, CARD-100002, ... in employee-number order,
 * limit 20,000 kr). Sandbox data: {@code GET /sandbox/cardissuer/cards} lists every card,
 * {@code PUT /sandbox/cardissuer/cards/{cardId}} {"employeeNumber", "monthlyLimit", "status"} sets one.
 * The simulated API is under /sandbox/cardissuer/api; an order above the issuer's maximum monthly
 * limit (500,000 kr) is refused with 422 LIMIT_ABOVE_MAXIMUM.
 */
@RestController
@RequestMapping("/sandbox/cardissuer")
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class CardIssuerSimulator {

    record BlockRequest(String reference) {
    }

    static final BigDecimal MAX_MONTHLY_LIMIT = new BigDecimal("500000.00");
    static final BigDecimal SEEDED_LIMIT = new BigDecimal("20000.00");

    /** The sandbox data of a card; the card id is the path. */
    record CardData(String employeeNumber, BigDecimal monthlyLimit, CardStatus status) {
    }

    private final Map<String, Card> cards = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong(100_000);

    CardIssuerSimulator(ObjectMapper objectMapper) throws IOException {
        try (InputStream seed = new ClassPathResource("sandbox/opus-employees.json").getInputStream()) {
            Map<String, JsonNode> employees = new TreeMap<>(objectMapper.readValue(seed, new TypeReference<Map<String, JsonNode>>() { }));
            employees.forEach((employeeNumber, employee) -> {
                if (employee.path("hasPaymentCard").asBoolean(false)) {
                    String cardId = nextCardId();
                    cards.put(cardId, new Card(cardId, employeeNumber, SEEDED_LIMIT, CardStatus.OPEN, "SANDBOX", null));
                }
            });
        }
    }

    /** Sandbox data: every card, by card id. */
    @GetMapping("/cards")
    List<Card> allCards() {
        return List.copyOf(cards.values());
    }

    /** Sandbox data: sets a card (an open card for an employee, say). */
    @PutMapping("/cards/{cardId}")
    ResponseEntity<Object> putCard(@PathVariable String cardId, @RequestBody CardData data) {
        if (data.employeeNumber() == null || data.employeeNumber().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "employeeNumber is required");
        }
        Card card = new Card(cardId, data.employeeNumber(), data.monthlyLimit() == null ? SEEDED_LIMIT : data.monthlyLimit(),
                data.status() == null ? CardStatus.OPEN : data.status(), "SANDBOX", null);
        cards.put(cardId, card);
        return ResponseEntity.ok(card);
    }

    @PostMapping("/api/cards")
    ResponseEntity<Object> order(@RequestBody CardIssuerPort.CardOrder order) {
        if (order.employeeNumber() == null || order.employeeNumber().isBlank()
                || order.monthlyLimit() == null || order.monthlyLimit().signum() <= 0) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "employeeNumber and a positive monthlyLimit are required");
        }
        if (order.monthlyLimit().compareTo(MAX_MONTHLY_LIMIT) > 0) {
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "LIMIT_ABOVE_MAXIMUM",
                    "The monthly limit is above the issuer's maximum of " + MAX_MONTHLY_LIMIT);
        }
        String cardId = nextCardId();
        Card card = new Card(cardId, order.employeeNumber(), order.monthlyLimit(), CardStatus.OPEN, order.reference(), null);
        cards.put(cardId, card);
        return ResponseEntity.status(HttpStatus.CREATED).body(card);
    }

    @GetMapping("/api/cards")
    List<Card> cardsOf(@RequestParam String employeeNumber) {
        return cards.values().stream().filter(card -> employeeNumber.equals(card.employeeNumber())).toList();
    }

    @GetMapping("/api/cards/{cardId}")
    ResponseEntity<Object> card(@PathVariable String cardId) {
        Card card = cards.get(cardId);
        return card == null ? notFound(cardId) : ResponseEntity.ok(card);
    }

    /** Blocks the card; a blocked card stays as it is (with the reference of its first block). */
    @PostMapping("/api/cards/{cardId}/block")
    synchronized ResponseEntity<Object> block(@PathVariable String cardId, @RequestBody(required = false) BlockRequest block) {
        Card card = cards.get(cardId);
        if (card == null) {
            return notFound(cardId);
        }
        if (card.status() == CardStatus.BLOCKED) {
            return ResponseEntity.ok(card);
        }
        Card blocked = new Card(card.cardId(), card.employeeNumber(), card.monthlyLimit(), CardStatus.BLOCKED, card.reference(),
                block == null ? null : block.reference());
        cards.put(cardId, blocked);
        return ResponseEntity.ok(blocked);
    }

    private String nextCardId() {
        return "CARD-" + sequence.incrementAndGet();
    }

    private static ResponseEntity<Object> notFound(String cardId) {
        return error(HttpStatus.NOT_FOUND, "CARD_NOT_FOUND", "No card " + cardId);
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }
}
