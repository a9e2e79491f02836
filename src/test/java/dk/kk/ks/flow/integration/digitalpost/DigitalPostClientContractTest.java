package dk.kk.ks.flow.integration.digitalpost;

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
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.kk.ks.flow.integration.ExternalContractException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.support.ContractTestCase;

/** SF1601 KombiPostAfsend as DigitalPostPort uses it: a MeMo message in a kombi_request, as XML. */
@ExtendWith(OutputCaptureExtension.class)
class DigitalPostClientContractTest extends ContractTestCase {

    private static final String PATH = "/api/KombiPostAfsend_1/memos";
    private static final String BASIC_AUTH = "Basic "
            + Base64.getEncoder().encodeToString("dp-user:dp-secret".getBytes(StandardCharsets.UTF_8));
    private static final byte[] PDF = "%PDF-1.7 æøå".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private DigitalPostPort digitalPost;

    /**
     * One request to the freshly started WireMock before the tests, so that a cold server in a busy JVM does not
     * exceed the clients' read timeout in whichever test runs first (the journal is reset before each test).
     */
    @BeforeAll
    static void warmUpWireMock() throws Exception {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(wireMock.baseUrl() + "/warm-up")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    private static DigitalPostPort.Letter hearing() {
        return DigitalPostPort.Letter.toCitizen(FAKE_CPR, "Mette Jensen", "Partshøring om afskedigelse", true, "2026-0000042",
                PDF, "partshoering.pdf");
    }

    @Test
    void theLetterIsPostedAsAMemoMessageInAKombiRequestWithTheIdempotencyKey(CapturedOutput output) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"messageId\":\"m-1\"}")));

        String messageId = digitalPost.send(hearing(), "case-1:Task_SendHearing");

        assertThat(messageId).isEqualTo("m-1");
        wireMock.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", containing("application/xml"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:Task_SendHearing"))
                .withHeader("X-TransaktionsId", equalTo(DigitalPostAdapter.messageUuid("case-1:Task_SendHearing").toString())));
        LoggedRequest sent = wireMock.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        String xml = sent.getBodyAsString();
        assertThat(xml).contains("<KombiValgKode>Digital Post</KombiValgKode>", "xmlns:memo=\"https://DigitalPost.dk/MeMo-1\"",
                "<memo:recipientID>" + FAKE_CPR + "</memo:recipientID>", "<memo:legalNotification>true</memo:legalNotification>",
                "<memo:caseID>2026-0000042</memo:caseID>", "<memo:content>" + Base64.getEncoder().encodeToString(PDF) + "</memo:content>");
        assertThat(sent.getUrl()).doesNotContain(FAKE_CPR);
        assertThat(output.getAll()).contains("Partshøring om afskedigelse").doesNotContain(FAKE_CPR);
    }

    @Test
    void aRetryWithTheSameKeySendsTheSameMessageUuid() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"messageId\":\"m-1\"}")));

        digitalPost.send(hearing(), "case-1:Task_SendHearing");
        digitalPost.send(hearing(), "case-1:Task_SendHearing");

        List<String> bodies = wireMock.findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(LoggedRequest::getBodyAsString)
                .map(body -> body.replaceAll("<memo:createdDateTime>[^<]*</memo:createdDateTime>", "")).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
    }

    @Test
    void aRefusedMessageIsAContractErrorThatNamesNoCpr(CapturedOutput output) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INVALID_MEMO\",\"message\":\"bad recipient " + FAKE_CPR + "\"}")));

        assertThatThrownBy(() -> digitalPost.send(hearing(), "k"))
                .isInstanceOf(ExternalContractException.class)
                .hasMessageNotContaining(FAKE_CPR);
        assertThat(output.getAll()).doesNotContain(FAKE_CPR);
    }

    @Test
    void anOutageIsATechnicalFailure(CapturedOutput output) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> digitalPost.send(hearing(), "k"))
                .isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageNotContaining(FAKE_CPR);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
        assertThat(output.getAll()).doesNotContain(FAKE_CPR);
    }

    @Test
    void aUnionIsSentToByCvr() {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"messageId\":\"m-2\"}")));

        digitalPost.send(DigitalPostPort.Letter.toCompany("12345678", "FOA", "Orientering om partshøring", "2026-0000042",
                PDF, "orientering.pdf"), "case-1:Task_NotifyUnion");

        String xml = wireMock.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString();
        assertThat(xml).contains("<memo:recipientID>12345678</memo:recipientID><memo:idType>CVR</memo:idType>",
                "<memo:legalNotification>false</memo:legalNotification>");
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.CODE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void anErrorAnswerThatIsNotDigitalPostsOwnIsATechnicalFailure(String answer, int status, String contentType, String body) {
        wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> digitalPost.send(hearing(), "k")), "digitalpost", status);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }
}
