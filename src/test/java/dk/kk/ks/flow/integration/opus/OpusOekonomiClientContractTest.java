package dk.kk.ks.flow.integration.opus;

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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.support.ContractTestCase;

/** The contract of Opus Økonomi's master data and posting interface as OpusOekonomiPort uses it. */
class OpusOekonomiClientContractTest extends ContractTestCase {

    private static final String API = "/api/oekonomi";
    private static final String BASIC_AUTH = "Basic "
            + Base64.getEncoder().encodeToString("opus-user:opus-secret".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper EXACT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Autowired
    private OpusOekonomiPort opus;

    @Test
    void masterDataIsReadWithTheSystemsCredentials() {
        wireMock.stubFor(get(urlEqualTo(API + "/accounts/44120000")).willReturn(okJson("""
                {"account":"44120000","active":true,"vatCodes":["I25"]}""")));
        wireMock.stubFor(get(urlEqualTo(API + "/cost-centers/1010101010")).willReturn(okJson("""
                {"costCenter":"1010101010","active":true}""")));
        wireMock.stubFor(get(urlEqualTo(API + "/periods/2027-03")).willReturn(okJson("""
                {"period":"2027-03","open":true}""")));

        assertThat(opus.account("44120000")).contains(new OpusOekonomiPort.Account("44120000", true, List.of("I25")));
        assertThat(opus.costCenterActive("1010101010")).isTrue();
        assertThat(opus.periodOpen(YearMonth.of(2027, 3))).isTrue();

        wireMock.verify(1, getRequestedFor(urlEqualTo(API + "/accounts/44120000")).withHeader("Authorization", equalTo(BASIC_AUTH)));
        wireMock.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void whatOpusDoesNotKnowIsUnknownInactiveOrClosed() {
        wireMock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"NOT_FOUND\"}")));

        assertThat(opus.account("99999999")).isEqualTo(Optional.empty());
        assertThat(opus.costCenterActive("0000000000")).isFalse();
        assertThat(opus.periodOpen(YearMonth.of(2030, 1))).isFalse();
    }

    @Test
    void anOutageDuringALookupIsATechnicalFailureNotAnUnknownAccount() {
        wireMock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

        assertThat(catchThrowable(() -> opus.account("44120000"))).isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(catchThrowable(() -> opus.periodOpen(YearMonth.of(2027, 3)))).isInstanceOf(ExternalSystemUnavailableException.class);
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void aJournalIsPostedWithTheIdempotencyKeyAndExactAmounts() throws Exception {
        wireMock.stubFor(post(urlEqualTo(API + "/journals")).willReturn(okJson("{\"documentNumber\":\"4900000001\"}")));
        OpusOekonomiPort.Journal journal = new OpusOekonomiPort.Journal(LocalDate.of(2027, 3, 15), "Omkontering af husleje", "RITM0000006",
                List.of(new OpusOekonomiPort.JournalLine("44120000", "1010101010", new BigDecimal("0.10"), "I25", "a"),
                        new OpusOekonomiPort.JournalLine("44120000", "1010101010", new BigDecimal("0.20"), "I25", "b"),
                        new OpusOekonomiPort.JournalLine("44120000", "1010202020", new BigDecimal("-0.30"), "I25", "c")));

        assertThat(opus.postJournal(journal, "case-1:Task_PostJournal")).isEqualTo(new OpusOekonomiPort.Document("4900000001"));

        wireMock.verify(1, postRequestedFor(urlEqualTo(API + "/journals"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:Task_PostJournal"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withRequestBody(equalToJson("""
                        {"postingDate":"2027-03-15","description":"Omkontering af husleje","reference":"RITM0000006",
                         "lines":[{"account":"44120000","costCenter":"1010101010","amount":0.10,"vatCode":"I25","text":"a"},
                                  {"account":"44120000","costCenter":"1010101010","amount":0.20,"vatCode":"I25","text":"b"},
                                  {"account":"44120000","costCenter":"1010202020","amount":-0.30,"vatCode":"I25","text":"c"}]}""")));
        JsonNode sent = EXACT_JSON.readTree(wireMock.findAll(postRequestedFor(urlEqualTo(API + "/journals"))).get(0).getBodyAsString());
        assertThat(sent.at("/lines/0/amount").decimalValue()).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void anInternalSettlementIsPostedWithTheIdempotencyKey() {
        wireMock.stubFor(post(urlEqualTo(API + "/internal-settlements")).willReturn(okJson("{\"documentNumber\":\"4900000002\"}")));
        OpusOekonomiPort.InternalSettlement settlement = new OpusOekonomiPort.InternalSettlement("SK-2027-0042", "BUF",
                LocalDate.of(2027, 4, 1), -3, new BigDecimal("450.00"), 9, new BigDecimal("-12150.00"), "Regulering", "RITM0000005");

        assertThat(opus.postInternalSettlement(settlement, "case-2:Task_PostSettlement").documentNumber()).isEqualTo("4900000002");

        wireMock.verify(1, postRequestedFor(urlEqualTo(API + "/internal-settlements"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-2:Task_PostSettlement"))
                .withRequestBody(equalToJson("""
                        {"contractNumber":"SK-2027-0042","department":"BUF","effectiveFrom":"2027-04-01","quantityChange":-3,
                         "unitPricePerMonth":450.00,"months":9,"amount":-12150.00,"text":"Regulering","reference":"RITM0000005"}""")));
    }

    @Test
    void aRefusedPostingCarriesOpusCodeAndIsNotRetriedByTheClient() {
        wireMock.stubFor(post(urlEqualTo(API + "/journals")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"PERIOD_CLOSED\",\"message\":\"Perioden er lukket\"}")));
        OpusOekonomiPort.Journal journal = new OpusOekonomiPort.Journal(LocalDate.of(2027, 3, 15), "x", "RITM0000006", List.of());

        Throwable thrown = catchThrowable(() -> opus.postJournal(journal, "case-1:Task_PostJournal"));

        assertThat(thrown).isInstanceOfSatisfying(ExternalRejectionException.class, rejection -> {
            assertThat(rejection.code()).isEqualTo("PERIOD_CLOSED");
            assertThat(rejection.system()).isEqualTo("opus");
        });
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.CODE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void aNotFoundThatIsNotOpusOwnAnswerIsATechnicalFailureNotAnUnknownAccount(String answer, int status, String contentType, String body) {
        wireMock.stubFor(get(anyUrl()).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> opus.account("44120000")), "opus", status);
        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> opus.costCenterActive("1010101010")), "opus", status);
        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> opus.periodOpen(YearMonth.of(2027, 3))), "opus", status);
    }
}
