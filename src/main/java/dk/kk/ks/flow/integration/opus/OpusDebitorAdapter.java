package dk.kk.ks.flow.integration.opus;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.SystemEndpoints;

@Component
class OpusDebitorAdapter implements OpusDebitorPort {

    private final OpusDebitorClient client;
    private final SystemEndpoints endpoints;

    OpusDebitorAdapter(OpusDebitorClient client, SystemEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public Payout register(PayoutRequest request, String idempotencyKey) {
        return client.registerPayout(endpoints.baseUri(Opus.SYSTEM), idempotencyKey, request);
    }

    @Override
    public Payout release(String payoutId, String idempotencyKey) {
        return client.releasePayout(endpoints.baseUri(Opus.SYSTEM), idempotencyKey, payoutId);
    }

    @Override
    public Payout cancel(String payoutId, String idempotencyKey) {
        return client.cancelPayout(endpoints.baseUri(Opus.SYSTEM), idempotencyKey, payoutId);
    }
}
