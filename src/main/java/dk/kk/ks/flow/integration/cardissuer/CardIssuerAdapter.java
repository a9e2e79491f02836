package dk.kk.ks.flow.integration.cardissuer;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.SystemEndpoints;

@Component
class CardIssuerAdapter implements CardIssuerPort {

    static final String SYSTEM = "cardissuer";

    private final CardIssuerClient client;
    private final SystemEndpoints endpoints;

    CardIssuerAdapter(CardIssuerClient client, SystemEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public Card order(CardOrder order, String idempotencyKey) {
        return client.order(endpoints.baseUri(SYSTEM), idempotencyKey, order);
    }

    @Override
    public Card block(String cardId, String reference, String idempotencyKey) {
        return client.block(endpoints.baseUri(SYSTEM), idempotencyKey, cardId, new CardIssuerClient.BlockRequest(reference));
    }

    @Override
    public Optional<Card> card(String cardId) {
        try {
            return Optional.of(client.card(endpoints.baseUri(SYSTEM), cardId));
        } catch (ExternalRejectionException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Card> cardsOf(String employeeNumber) {
        List<Card> cards = client.cards(endpoints.baseUri(SYSTEM), employeeNumber);
        return cards == null ? List.of() : cards;
    }
}
