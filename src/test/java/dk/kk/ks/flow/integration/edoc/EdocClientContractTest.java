package dk.kk.ks.flow.integration.edoc;

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
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.kk.ks.flow.integration.ExternalContractException;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.support.ContractTestCase;

/** The assumed contract of eDoc (docs/edoc-contract.md) as EdocPort uses it. */
class EdocClientContractTest extends ContractTestCase {

    private static final String BASIC_AUTH = "Basic "
            + Base64.getEncoder().encodeToString("edoc-user:edoc-secret".getBytes(StandardCharsets.UTF_8));

    @Autowired
    private EdocPort edoc;

    /**
     * One request to the freshly started WireMock before the tests, so that a cold server in a busy JVM does not
     * exceed the clients' read timeout in whichever test runs first (the journal is reset before each test).
     */
    @BeforeAll
    static void warmUpWireMock() throws Exception {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(wireMock.baseUrl() + "/warm-up")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aPersonnelCaseIsCreatedWithKleAndTheEmployeeAsPartyInTheBodyOnly() {
        wireMock.stubFor(post(urlEqualTo("/api/cases")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"caseNumber\":\"2026-0000042\"}")));

        String caseNumber = edoc.createPersonnelCase("Afskedigelse af Mette Jensen",
                new EdocPort.Party(FAKE_CPR, "Mette Jensen"), "case-1:Task_CreateEdocCase");

        assertThat(caseNumber).isEqualTo("2026-0000042");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/cases"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:Task_CreateEdocCase"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withRequestBody(equalToJson("""
                        {"title":"Afskedigelse af Mette Jensen","kle":"81.03.00","caseType":"PERSONNEL",
                         "party":{"cpr":"%s","name":"Mette Jensen"}}""".formatted(FAKE_CPR))));
        LoggedRequest sent = wireMock.findAll(postRequestedFor(urlEqualTo("/api/cases"))).get(0);
        assertThat(sent.getUrl()).doesNotContain(FAKE_CPR);
    }

    @Test
    void aDocumentIsJournalisedWithItsPdfInBase64() {
        wireMock.stubFor(post(urlEqualTo("/api/cases/2026-0000042/documents")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"documentId\":\"D00000007\"}")));
        byte[] pdf = "%PDF-1.7 brev".getBytes(StandardCharsets.UTF_8);

        String documentId = edoc.journalise("2026-0000042",
                new EdocPort.NewDocument("Partshøring", "Partshøring", "partshoering.pdf", pdf), "case-1:Task_JournaliseHearing");

        assertThat(documentId).isEqualTo("D00000007");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/cases/2026-0000042/documents"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:Task_JournaliseHearing"))
                .withRequestBody(equalToJson("""
                        {"title":"Partshøring","documentType":"Partshøring","filename":"partshoering.pdf","content":"%s"}"""
                        .formatted(Base64.getEncoder().encodeToString(pdf)))));
    }

    @Test
    void aCaseIsReadWithItsDocuments() {
        wireMock.stubFor(get(urlEqualTo("/api/cases/2026-0000042")).willReturn(okJson("""
                {"caseNumber":"2026-0000042","title":"Afskedigelse","kle":"81.03.00","party":{"cpr":"%s","name":"Mette Jensen"},
                 "documents":[{"documentId":"D00000007","title":"Partshøring","documentType":"Partshøring",
                               "filename":"partshoering.pdf","journalisedAt":"2026-11-27T10:00:00+01:00"}]}"""
                .formatted(FAKE_CPR))));

        EdocPort.Case edocCase = edoc.readCase("2026-0000042").orElseThrow();

        assertThat(edocCase.kle()).isEqualTo(EdocPort.KLE_PERSONNEL_CASE);
        assertThat(edocCase.documents()).extracting(EdocPort.Document::documentId).containsExactly("D00000007");
        assertThat(edocCase.toString()).doesNotContain(FAKE_CPR);
    }

    @Test
    void anUnknownCaseIsEmptyNotAnError() {
        wireMock.stubFor(get(urlEqualTo("/api/cases/2026-9999999")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"CASE_NOT_FOUND\"}")));

        assertThat(edoc.readCase("2026-9999999")).isEmpty();
    }

    @Test
    void journalisingOnAnUnknownCaseIsABusinessRejection() {
        wireMock.stubFor(post(urlEqualTo("/api/cases/2026-9999999/documents")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"CASE_NOT_FOUND\"}")));

        assertThatThrownBy(() -> edoc.journalise("2026-9999999", new EdocPort.NewDocument("T", "T", "t.pdf", new byte[] {1}), "k"))
                .isInstanceOfSatisfying(ExternalRejectionException.class, e -> assertThat(e.code()).isEqualTo("CASE_NOT_FOUND"));
    }

    @Test
    void aRefusedRequestNeverCarriesTheCprIntoTheException() {
        wireMock.stubFor(post(urlEqualTo("/api/cases")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"INVALID\",\"message\":\"" + FAKE_CPR + "\"}")));

        assertThatThrownBy(() -> edoc.createPersonnelCase("T", new EdocPort.Party(FAKE_CPR, "N"), "k"))
                .isInstanceOf(ExternalContractException.class)
                .hasMessageNotContaining(FAKE_CPR);
    }

    @Test
    void anOutageIsATechnicalFailure() {
        wireMock.stubFor(post(urlEqualTo("/api/cases")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> edoc.createPersonnelCase("T", new EdocPort.Party(FAKE_CPR, "N"), "k"))
                .isInstanceOf(ExternalSystemUnavailableException.class);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.CODE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void aNotFoundThatIsNotEdocsOwnAnswerIsATechnicalFailureNotAnUnknownCase(String answer, int status, String contentType, String body) {
        wireMock.stubFor(get(urlEqualTo("/api/cases/2026-0000042")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));
        wireMock.stubFor(post(urlEqualTo("/api/cases/2026-0000042/documents")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> edoc.readCase("2026-0000042")), "edoc", status);
        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> edoc.journalise("2026-0000042",
                new EdocPort.NewDocument("T", "T", "t.pdf", new byte[] {1}), "k")), "edoc", status);
    }
}
