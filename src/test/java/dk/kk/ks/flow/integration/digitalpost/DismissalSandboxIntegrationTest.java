package dk.kk.ks.flow.integration.digitalpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.dismissal.DismissalLetters;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.edoc.EdocPort;
import dk.kk.ks.flow.support.IntegrationTestCase;
import dk.kk.ks.flow.support.TestClock;

/**
 * The eDoc and Digital Post ports against the sandbox simulators over real HTTP: a hearing letter is rendered,
 * journalised on a new personnel case and sent as a MeMo message; retries with the same key change nothing; a
 * malformed MeMo message is refused with 400.
 */
@ExtendWith(OutputCaptureExtension.class)
class DismissalSandboxIntegrationTest extends IntegrationTestCase {

    private static final String CPR = "0101901234";
    private static final String KOMBI_PATH = "/sandbox/digitalpost/api/KombiPostAfsend_1/memos";

    @Autowired
    private EdocPort edoc;

    @Autowired
    private DigitalPostPort digitalPost;

    @Autowired
    private DismissalLetters letters;

    @Test
    void aHearingLetterIsJournalisedOnANewPersonnelCaseAndSentByDigitalPostOnceEvenWhenRetried(CapturedOutput output) {
        String key = "case-" + UUID.randomUUID();
        byte[] pdf = letters.hearingLetter(DismissalLetters.HearingLetter.withDefaultDeadline("Mette Jensen", "Gentagne udeblivelser.",
                LocalDate.of(2026, 11, 27)));

        String caseNumber = edoc.createPersonnelCase("Afskedigelse – Mette Jensen", new EdocPort.Party(CPR, "Mette Jensen"), key + ":create");
        assertThat(edoc.createPersonnelCase("Afskedigelse – Mette Jensen", new EdocPort.Party(CPR, "Mette Jensen"), key + ":create"))
                .isEqualTo(caseNumber);
        EdocPort.NewDocument document = new EdocPort.NewDocument("Partshøring", "Partshøring", "partshoering.pdf", pdf);
        String documentId = edoc.journalise(caseNumber, document, key + ":journalise");
        assertThat(edoc.journalise(caseNumber, document, key + ":journalise")).isEqualTo(documentId);

        EdocPort.Case edocCase = edoc.readCase(caseNumber).orElseThrow();
        assertThat(edocCase.kle()).isEqualTo(EdocPort.KLE_PERSONNEL_CASE);
        assertThat(edocCase.documents()).extracting(EdocPort.Document::documentId).containsExactly(documentId);
        assertThat(edoc.readCase("1999-9999999")).isEmpty();
        byte[] stored = as("demo").getForObject("/sandbox/edoc/cases/" + caseNumber + "/documents/" + documentId, byte[].class);
        assertThat(stored).isEqualTo(pdf);

        DigitalPostPort.Letter letter = DigitalPostPort.Letter.toCitizen(CPR, "Mette Jensen", "Partshøring om afskedigelse", true,
                caseNumber, pdf, "partshoering.pdf");
        String messageId = digitalPost.send(letter, key + ":send");
        assertThat(digitalPost.send(letter, key + ":send")).isEqualTo(messageId);

        List<Map<String, Object>> sent = sandboxRequests("digitalpost").stream()
                .filter(r -> String.valueOf(r.get("body")).contains("<memo:caseID>" + caseNumber + "</memo:caseID>")).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(r -> r.get("status")).containsOnly(200);
        assertThat(sent).extracting(r -> r.get("replayed")).containsExactly(false, true);
        List<Map<String, Object>> messages = getList("demo", "/sandbox/digitalpost/messages");
        assertThat(messages).filteredOn(m -> messageId.equals(m.get("messageId"))).hasSize(1);
        assertThat(output.getAll()).contains("Digital Post accepted message").doesNotContain(CPR);
    }

    @Test
    void anEdocOutageIsATechnicalFailureUntilItEnds() {
        setFault("edoc", 2, 503);
        String key = "case-" + UUID.randomUUID() + ":create";
        EdocPort.Party party = new EdocPort.Party(CPR, "Mette Jensen");

        assertThatThrownBy(() -> edoc.createPersonnelCase("Afskedigelse", party, key)).isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageNotContaining(CPR);
        assertThatThrownBy(() -> edoc.createPersonnelCase("Afskedigelse", party, key)).isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(edoc.createPersonnelCase("Afskedigelse", party, key)).matches("\\d{4}-\\d{7}");
    }

    @Test
    void aMalformedMemoMessageIsRefusedWith400(CapturedOutput output) {
        String good = new MemoMessageBuilder(new MemoMessageBuilder.Sender("64942212", "CVR", "Københavns Kommune"),
                new MemoMessageBuilder.Kle("81.03.00", "KLE 2024", "G01", "Personalesager"))
                .kombiRequest(DigitalPostPort.Letter.toCitizen(CPR, "Mette Jensen", "Partshøring", true, "2026-0000001",
                        new byte[] {1, 2, 3}, "a.pdf"), UUID.randomUUID(), java.time.OffsetDateTime.now(TestClock.clock()));

        assertThat(postXml(good).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> wrongNamespace = postXml(good.replace("https://DigitalPost.dk/MeMo-1", "urn:wrong"));
        assertThat(wrongNamespace.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongNamespace.getBody()).contains("INVALID_MEMO").doesNotContain(CPR);
        assertThat(postXml(good.replaceAll("<memo:content>[^<]*</memo:content>", "<memo:content>%%%</memo:content>"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain(CPR);
    }

    private ResponseEntity<String> postXml(String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return http.withBasicAuth("ksflow-system", "ksflow-system").exchange(KOMBI_PATH, HttpMethod.POST, new HttpEntity<>(xml, headers),
                String.class);
    }
}
