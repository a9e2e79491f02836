package dk.kk.ks.flow.integration.cardissuer;

import static org.assertj.core.api.Assertions.catchThrowable;
import dk.kk.ks.flow.integration.ForeignErrorAnswers;
import dk.kk.ks.flow.integration.ExternalErrorDecoder;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalContractException;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort.CardStatus;
import dk.kk.ks.flow.support.ContractTestCase;

/** The card issuer's card API as CardIssuerPort uses it (docs/case-types.md, "Payment cards"): request shape, credentials, errors. */
class CardIssuerClientContractTest extends ContractTestCase {

    private static final String BASIC_AUTH = "Basic "
            + Base64.getEncoder().encodeToString("card-user:card-secret".getBytes(StandardCharsets.UTF_8));

    @Autowired
    private CardIssuerPort issuer;

    @Test
    void aCardIsOrderedWithTheLimitTheReferenceTheIdempotencyKeyAndTheSystemsCredentials() {
        wireMock.stubFor(post(urlEqualTo("/api/cards")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"cardId":"CARD-100004","employeeNumber":"E10001","monthlyLimit":20000.00,"status":"OPEN",
                         "reference":"RITM0000007","blockReference":null}""")));

        CardIssuerPort.Card card = issuer.order(new CardIssuerPort.CardOrder("E10001", new BigDecimal("20000.00"), "RITM0000007"),
                "case-1:Task_OrderCard");

        assertThat(card.cardId()).isEqualTo("CARD-100004");
        assertThat(card.status()).isEqualTo(CardStatus.OPEN);
        assertThat(card.monthlyLimit()).isEqualByComparingTo("20000.00");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/cards"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:Task_OrderCard"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"employeeNumber":"E10001","monthlyLimit":20000.00,"reference":"RITM0000007"}""")));
    }

    @Test
    void aCardIsBlockedWithTheReferenceInTheBodyAndTheIdempotencyKeyInTheHeader() {
        wireMock.stubFor(post(urlEqualTo("/api/cards/CARD-100001/block")).willReturn(okJson("""
                {"cardId":"CARD-100001","employeeNumber":"E10002","monthlyLimit":20000.00,"status":"BLOCKED",
                 "reference":"SANDBOX","blockReference":"case-2:Task_CloseCards"}""")));

        CardIssuerPort.Card card = issuer.block("CARD-100001", "case-2:Task_CloseCards", "case-2:Task_CloseCards:CARD-100001");

        assertThat(card.status()).isEqualTo(CardStatus.BLOCKED);
        assertThat(card.blockReference()).isEqualTo("case-2:Task_CloseCards");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/cards/CARD-100001/block"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-2:Task_CloseCards:CARD-100001"))
                .withRequestBody(equalToJson("""
                        {"reference":"case-2:Task_CloseCards"}""")));
    }

    @Test
    void anEmployeesCardsAreListedAndTheOpenOnesPicked() {
        wireMock.stubFor(get(urlEqualTo("/api/cards?employeeNumber=E10002")).willReturn(okJson("""
                [{"cardId":"CARD-100001","employeeNumber":"E10002","monthlyLimit":20000.00,"status":"BLOCKED",
                  "reference":"RITM0000001","blockReference":"case-0:Task_CloseCards"},
                 {"cardId":"CARD-100009","employeeNumber":"E10002","monthlyLimit":30000.00,"status":"OPEN",
                  "reference":"RITM0000009","blockReference":null}]""")));

        assertThat(issuer.cardsOf("E10002")).extracting(CardIssuerPort.Card::cardId).containsExactly("CARD-100001", "CARD-100009");
        wireMock.verify(1, getRequestedFor(urlEqualTo("/api/cards?employeeNumber=E10002")).withHeader("Authorization", equalTo(BASIC_AUTH)));
    }

    @Test
    void aCardIsReadAndAnUnknownCardIsEmptyNotAnError() {
        wireMock.stubFor(get(urlEqualTo("/api/cards/CARD-100001")).willReturn(okJson("""
                {"cardId":"CARD-100001","employeeNumber":"E10002","monthlyLimit":20000.00,"status":"OPEN"}""")));
        wireMock.stubFor(get(urlEqualTo("/api/cards/CARD-999999")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"CARD_NOT_FOUND\"}")));

        assertThat(issuer.card("CARD-100001")).get().extracting(CardIssuerPort.Card::employeeNumber).isEqualTo("E10002");
        assertThat(issuer.card("CARD-999999")).isEmpty();
    }

    @Test
    void aRefusedOrderIsABusinessRejectionWithTheIssuersCodeAndNoPersonalDataInTheMessage() {
        wireMock.stubFor(post(urlEqualTo("/api/cards")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"LIMIT_ABOVE_MAXIMUM\",\"message\":\"" + FAKE_CPR + "\"}")));

        assertThatThrownBy(() -> issuer.order(new CardIssuerPort.CardOrder("E10001", new BigDecimal("600000.00"), "R"), "k"))
                .isInstanceOfSatisfying(ExternalRejectionException.class, e -> {
                    assertThat(e.code()).isEqualTo("LIMIT_ABOVE_MAXIMUM");
                    assertThat(e.system()).isEqualTo("cardissuer");
                })
                .hasMessageNotContaining(FAKE_CPR);
    }

    @Test
    void anOutageIsATechnicalFailureAndIsNotRetriedByTheClient() {
        wireMock.stubFor(post(urlEqualTo("/api/cards/CARD-100001/block")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> issuer.block("CARD-100001", "k", "k:CARD-100001"))
                .isInstanceOfSatisfying(ExternalSystemUnavailableException.class, e -> assertThat(e.system()).isEqualTo("cardissuer"));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void wrongCredentialsAreAContractErrorNotABusinessOutcome() {
        wireMock.stubFor(get(urlEqualTo("/api/cards?employeeNumber=E10002")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> issuer.cardsOf("E10002")).isInstanceOf(ExternalContractException.class);
    }

    @Test
    void anAnswerThatNeverComesIsATechnicalFailureNamingTheSystem() {
        wireMock.stubFor(get(urlEqualTo("/api/cards/CARD-100001")).willReturn(okJson("{}").withFixedDelay(READ_TIMEOUT_MILLIS * 3)));

        assertThatThrownBy(() -> issuer.card("CARD-100001"))
                .isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageContaining("cardissuer")
                .hasMessageNotContaining("localhost");
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.CODE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void aNotFoundThatIsNotTheIssuersOwnAnswerIsATechnicalFailureNotAnUnknownCard(String answer, int status, String contentType, String body) {
        wireMock.stubFor(get(urlEqualTo("/api/cards/CARD-100001")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));
        wireMock.stubFor(post(urlEqualTo("/api/cards")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> issuer.card("CARD-100001")), "cardissuer", status);
        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> issuer.order(
                new CardIssuerPort.CardOrder("E10001", new BigDecimal("20000.00"), "R"), "k")), "cardissuer", status);
    }
}
