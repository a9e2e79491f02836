package dk.kk.ks.flow.integration.opus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;


import dk.kk.ks.flow.integration.ExternalContractException;
import dk.kk.ks.flow.integration.ExternalErrorDecoder;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.ExternalSystemException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.ForeignErrorAnswers;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort.Payout;
import dk.kk.ks.flow.integration.opus.OpusDebitorPort.PayoutRequest;
import dk.kk.ks.flow.support.ContractTestCase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The contract of Opus Debitor's payout interface as OpusDebitorPort uses it (docs/opus-contract.md). */
class OpusDebitorClientContractTest extends ContractTestCase {

    private static final String PAYOUTS = "/api/debitor/payouts";
    private static final String BASIC_AUTH = "Basic "
            + Base64.getEncoder().encodeToString("opus-user:opus-secret".getBytes(StandardCharsets.UTF_8));
    /** Reads amounts exactly as sent: 12500.00 stays 12500.00, with its scale. */
    private static final ObjectMapper EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private static final PayoutRequest REQUEST = new PayoutRequest("D-100200", "Leverandør A/S",
            new BigDecimal("12500.00"), "Faktura 4711", "case-1");

    @Autowired
    private OpusDebitorPort opusDebitor;

    @Test
    void registerPostsThePayoutRequestWithTheIdempotencyKey() throws Exception {
        wireMock.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(okJson("""
                {"payoutId":"P-1","status":"REGISTERED"}""")));

        Payout payout = opusDebitor.register(REQUEST, "case-1:registerPayout");

        assertThat(payout).isEqualTo(new Payout("P-1", "REGISTERED"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(PAYOUTS))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:registerPayout"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"debtorNumber":"D-100200","payee":"Leverandør A/S","amount":12500.00,
                         "reason":"Faktura 4711","caseReference":"case-1"}""")));
        wireMock.verify(1, anyRequestedFor(anyUrl()));

        LoggedRequest sent = wireMock.findAll(postRequestedFor(urlEqualTo(PAYOUTS))).get(0);
        JsonNode amount = EXACT_JSON.readTree(sent.getBodyAsString()).get("amount");
        assertThat(amount.isNumber()).as("amount is a JSON number, not a string").isTrue();
        assertThat(amount.decimalValue()).as("amount with its two decimals").isEqualTo(new BigDecimal("12500.00"));
    }

    @Test
    void releasePostsToThePayoutsReleaseResource() {
        wireMock.stubFor(post(urlEqualTo(PAYOUTS + "/P-1/release")).willReturn(okJson("""
                {"payoutId":"P-1","status":"RELEASED"}""")));

        Payout payout = opusDebitor.release("P-1", "case-1:releasePayout");

        assertThat(payout).isEqualTo(new Payout("P-1", "RELEASED"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(PAYOUTS + "/P-1/release"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:releasePayout"))
                .withHeader("Authorization", equalTo(BASIC_AUTH)));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void cancelPostsToThePayoutsCancelResource() {
        wireMock.stubFor(post(urlEqualTo(PAYOUTS + "/P-1/cancel")).willReturn(okJson("""
                {"payoutId":"P-1","status":"CANCELLED"}""")));

        Payout payout = opusDebitor.cancel("P-1", "case-1:cancelPayout");

        assertThat(payout).isEqualTo(new Payout("P-1", "CANCELLED"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(PAYOUTS + "/P-1/cancel"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:cancelPayout"))
                .withHeader("Authorization", equalTo(BASIC_AUTH)));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    /** Status, the code in the answer's body (or none), the exception expected, and its code for a rejection. */
    static Stream<Arguments> errorAnswers() {
        return Stream.of(
                Arguments.of(500, null, ExternalSystemUnavailableException.class, null),
                Arguments.of(502, null, ExternalSystemUnavailableException.class, null),
                Arguments.of(503, null, ExternalSystemUnavailableException.class, null),
                Arguments.of(504, null, ExternalSystemUnavailableException.class, null),
                Arguments.of(429, null, ExternalSystemUnavailableException.class, null),
                Arguments.of(408, null, ExternalSystemUnavailableException.class, null),
                // A 404, 409 or 422 without Opus's code is not Opus's answer (a wrong route, a proxy): technical.
                Arguments.of(404, null, ExternalContractException.class, null),
                Arguments.of(409, null, ExternalContractException.class, null),
                Arguments.of(422, null, ExternalContractException.class, null),
                Arguments.of(404, "DEBTOR_UNKNOWN", ExternalRejectionException.class, "DEBTOR_UNKNOWN"),
                Arguments.of(409, "PAYOUT_RELEASED", ExternalRejectionException.class, "PAYOUT_RELEASED"),
                Arguments.of(422, "DEBTOR_BLOCKED", ExternalRejectionException.class, "DEBTOR_BLOCKED"),
                Arguments.of(400, null, ExternalContractException.class, null),
                Arguments.of(401, null, ExternalContractException.class, null),
                Arguments.of(403, null, ExternalContractException.class, null));
    }

    @ParameterizedTest(name = "{0} with body code {1} -> {2} {3}")
    @MethodSource("errorAnswers")
    void errorAnswersAreMappedByStatusWithoutTheirBody(int status, String bodyCode,
                                                       Class<? extends ExternalSystemException> expected, String expectedCode) {
        String body = bodyCode == null
                ? "{\"message\":\"Debtor with CPR " + FAKE_CPR + " refused\"}"
                : "{\"code\":\"" + bodyCode + "\",\"message\":\"Debtor with CPR " + FAKE_CPR + " refused\"}";
        wireMock.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));

        Throwable thrown = catchThrowable(() -> opusDebitor.register(REQUEST, "case-1:registerPayout"));

        assertThat(thrown).isExactlyInstanceOf(expected);
        ExternalSystemException failure = expected.cast(thrown);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.system()).isEqualTo("opus");
        assertThat(failure.getMessage()).doesNotContain(FAKE_CPR).doesNotContain("refused");
        if (expectedCode != null) {
            assertThat(((ExternalRejectionException) failure).code()).isEqualTo(expectedCode);
        }
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.CODE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void anErrorAnswerThatIsNotOpusOwnIsATechnicalFailureNotARefusal(String answer, int status, String contentType, String body) {
        wireMock.stubFor(post(urlEqualTo(PAYOUTS + "/P-1/release")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        Throwable thrown = catchThrowable(() -> opusDebitor.release("P-1", "case-1:releasePayout"));

        ForeignErrorAnswers.assertTechnical(thrown, "opus", status);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnavailableOpusIsCalledOnlyOnce() {
        wireMock.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(aResponse().withStatus(503)));

        Throwable thrown = catchThrowable(() -> opusDebitor.register(REQUEST, "case-1:registerPayout"));

        assertThat(thrown).isInstanceOfSatisfying(ExternalSystemUnavailableException.class,
                unavailable -> assertThat(unavailable.status()).isEqualTo(503));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutFailsAfterOneRequest() {
        wireMock.stubFor(post(urlEqualTo(PAYOUTS)).willReturn(okJson("""
                {"payoutId":"P-1","status":"REGISTERED"}""").withFixedDelay(READ_TIMEOUT_MILLIS + 1500)));

        Throwable thrown = catchThrowable(() -> opusDebitor.register(REQUEST, "case-1:registerPayout"));

        // A timeout is a technical failure: the job fails, and the engine retries it. The message names
        // the system, not the URL (which could carry a query).
        assertThat(thrown).isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageContaining("did not answer").hasMessageNotContaining("RITM0012345").hasMessageNotContaining("http");
        assertThat(((ExternalSystemUnavailableException) thrown).status()).isZero();
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }
}
