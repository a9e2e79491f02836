package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardFixtures.blocked;
import static dk.kk.ks.flow.paymentcard.PaymentCardFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;

/** PaymentCardClosing, as the resignation flow calls it, over a mocked card issuer. */
class PaymentCardClosingTest {

    private static final String KEY = "case-7:Task_CloseCard";

    private final CardIssuerPort issuer = mock(CardIssuerPort.class);
    private final PaymentCardClosing closing = new CardClosingService(new CardBlocking(issuer));

    @Test
    void everyOpenCardIsBlockedWithTheKeyAsReferenceAndAKeyPerCard() {
        when(issuer.cardsOf("E10002")).thenReturn(List.of(open("CARD-1", "E10002"), open("CARD-2", "E10002")));
        when(issuer.block("CARD-1", KEY, KEY + ":CARD-1")).thenReturn(blocked("CARD-1", "E10002", KEY));
        when(issuer.block("CARD-2", KEY, KEY + ":CARD-2")).thenReturn(blocked("CARD-2", "E10002", KEY));

        assertThat(closing.closeCardsOf("E10002", KEY)).isTrue();

        verify(issuer).block("CARD-1", KEY, KEY + ":CARD-1");
        verify(issuer).block("CARD-2", KEY, KEY + ":CARD-2");
    }

    @Test
    void anEmployeeWithoutAnOpenCardHasNothingClosed() {
        when(issuer.cardsOf("E10001")).thenReturn(List.of());
        assertThat(closing.closeCardsOf("E10001", KEY)).isFalse();

        when(issuer.cardsOf("E10001")).thenReturn(List.of(blocked("CARD-0", "E10001", "another-case:Task_CloseCards")));
        assertThat(closing.closeCardsOf("E10001", KEY)).isFalse();

        verify(issuer, never()).block(anyString(), anyString(), anyString());
    }

    @Test
    void aRetryAfterTheCardWasBlockedWithTheSameKeyStillAnswersClosedAndBlocksNothingAgain() {
        // The first attempt blocked the card, then its transaction was rolled back; the job is retried.
        when(issuer.cardsOf("E10002")).thenReturn(List.of(blocked("CARD-1", "E10002", KEY)));

        assertThat(closing.closeCardsOf("E10002", KEY)).isTrue();
        verify(issuer, never()).block(anyString(), anyString(), anyString());
    }

    @Test
    void anIssuerThatDoesNotBlockIsATechnicalFailureNotASilentSuccess() {
        when(issuer.cardsOf("E10002")).thenReturn(List.of(open("CARD-1", "E10002")));
        when(issuer.block("CARD-1", KEY, KEY + ":CARD-1")).thenReturn(open("CARD-1", "E10002"));

        assertThatThrownBy(() -> closing.closeCardsOf("E10002", KEY)).isInstanceOf(IllegalStateException.class);
    }
}
