package dk.kk.ks.flow.integration.opus;

import java.math.BigDecimal;

/**
 * Payouts in Opus Debitor (SAP FI-CA). A payout is registered as a request, then released or cancelled.
 * Every write carries an idempotency key: a repeated key changes nothing and returns the first answer.
 */
public interface OpusDebitorPort {

    record PayoutRequest(String debtorNumber, String payee, BigDecimal amount, String reason, String caseReference) {
    }

    record Payout(String payoutId, String status) {
    }

    /** Registers the payout request; a blocked debtor is refused with an ExternalRejectionException. */
    Payout register(PayoutRequest request, String idempotencyKey);

    Payout release(String payoutId, String idempotencyKey);

    Payout cancel(String payoutId, String idempotencyKey);
}
