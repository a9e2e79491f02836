package dk.kk.ks.flow.integration.digitalpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dk.kk.ks.flow.sandbox.digitalpost.MemoValidator;

/** The MeMo message keeps the names, namespaces and order of Digitaliseringsstyrelsen's examples (src/test/resources/memo/). */
public class MemoMessageBuilderTest {

    public static final String CPR = "0101901234";
    static final byte[] PDF = "%PDF-1.7 Partshøring æøå".getBytes(StandardCharsets.UTF_8);
    public static final UUID MESSAGE_UUID = UUID.fromString("8c2ea15d-61fb-4ba9-9366-42f8b194c114");
    public static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 27, 13, 0, 0, 0, ZoneOffset.ofHours(1));

    public static final MemoMessageBuilder BUILDER = new MemoMessageBuilder(
            new MemoMessageBuilder.Sender("64942212", "CVR", "Københavns Kommune"),
            new MemoMessageBuilder.Kle("81.03.00", "KLE 2024", "G01", "Personalesager"));

    public static DigitalPostPort.Letter hearingLetter() {
        return DigitalPostPort.Letter.toCitizen(CPR, "Mette Jensen", "Partshøring om afskedigelse", true, "2026-0000042",
                PDF, "partshoering.pdf");
    }

    private static final String M = MemoMessageBuilder.MEMO_NS;
    private static final String G = MemoMessageBuilder.GRD_NS;
    private static final String K = MemoMessageBuilder.KLE_NS;

    @Test
    void withoutItsOptionalElementsTheMessageHasExactlyTheStructureOfTheOfficialMinimumExample() throws Exception {
        Document reference = parse(getClass().getResourceAsStream("/memo/MeMo_Minimum_Example.xml"));
        Document built = BUILDER.message(hearingLetter(), MESSAGE_UUID, CREATED);

        Set<String> optional = Set.of("MessageHeader/ContentData", "MessageHeader/Recipient/label");
        assertThat(structure(built.getDocumentElement(), "", optional)).isEqualTo(structure(reference.getDocumentElement(), "", Set.of()));
        assertThat(built.getDocumentElement().getAttribute("memoVersion")).isEqualTo("1.1");
    }

    @Test
    void contentDataHasCprDataCaseIdAndKleDataInTheOrderAndNamespacesOfTheFullExample() {
        Element message = BUILDER.message(hearingLetter(), MESSAGE_UUID, CREATED).getDocumentElement();
        Element contentData = child(child(message, "MessageHeader"), "ContentData");

        // The order and namespaces of MeMo_Full_Example.xml (the official MeMo examples, as published with python-serviceplatformen)
        assertThat(structure(contentData, "", Set.of())).containsExactly(
                "{" + G + "}CPRdata", "{" + G + "}CPRdata/{" + G + "}cprNumber", "{" + G + "}CPRdata/{" + G + "}name",
                "{" + M + "}CaseID", "{" + M + "}CaseID/{" + M + "}caseID", "{" + M + "}CaseID/{" + M + "}caseSystem",
                "{" + K + "}KLEdata", "{" + K + "}KLEdata/{" + K + "}subjectKey", "{" + K + "}KLEdata/{" + K + "}version",
                "{" + K + "}KLEdata/{" + K + "}activityFacet", "{" + K + "}KLEdata/{" + K + "}label");
        assertThat(text(contentData, "CaseID", "caseID")).isEqualTo("2026-0000042");
        assertThat(text(contentData, "CaseID", "caseSystem")).isEqualTo("eDoc");
        assertThat(text(contentData, "KLEdata", "subjectKey")).isEqualTo("81.03.00");
    }

    @Test
    void theHeaderNamesTheMunicipalityAsSenderTheCitizenByCprAndTheHearingAsLegalNotification() {
        Element header = child(BUILDER.message(hearingLetter(), MESSAGE_UUID, CREATED).getDocumentElement(), "MessageHeader");

        assertThat(child(header, "messageType").getTextContent()).isEqualTo("DIGITALPOST");
        assertThat(child(header, "messageUUID").getTextContent()).isEqualTo(MESSAGE_UUID.toString());
        assertThat(child(header, "label").getTextContent()).isEqualTo("Partshøring om afskedigelse");
        assertThat(child(header, "legalNotification").getTextContent()).isEqualTo("true");
        assertThat(text(header, "Sender", "senderID")).isEqualTo("64942212");
        assertThat(text(header, "Sender", "idType")).isEqualTo("CVR");
        assertThat(text(header, "Sender", "label")).isEqualTo("Københavns Kommune");
        assertThat(text(header, "Recipient", "recipientID")).isEqualTo(CPR);
        assertThat(text(header, "Recipient", "idType")).isEqualTo("CPR");
    }

    @Test
    void thePdfRoundTripsFromBase64AndTheCreationTimeIsUtc() {
        Element body = child(BUILDER.message(hearingLetter(), MESSAGE_UUID, CREATED).getDocumentElement(), "MessageBody");
        Element file = child(child(body, "MainDocument"), "File");

        assertThat(child(body, "createdDateTime").getTextContent()).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(child(file, "encodingFormat").getTextContent()).isEqualTo("application/pdf");
        assertThat(child(file, "filename").getTextContent()).isEqualTo("partshoering.pdf");
        assertThat(child(file, "language").getTextContent()).isEqualTo("da");
        assertThat(Base64.getDecoder().decode(child(file, "content").getTextContent())).isEqualTo(PDF);
    }

    @Test
    void aUnionIsARecipientByCvrWithCvrDataInsteadOfCprData() {
        DigitalPostPort.Letter letter = DigitalPostPort.Letter.toCompany("12345678", "FOA", "Orientering om partshøring",
                "2026-0000042", PDF, "orientering.pdf");
        Element header = child(BUILDER.message(letter, MESSAGE_UUID, CREATED).getDocumentElement(), "MessageHeader");

        assertThat(text(header, "Recipient", "idType")).isEqualTo("CVR");
        assertThat(structure(child(header, "ContentData"), "", Set.of())).startsWith("{" + G + "}CVRdata",
                "{" + G + "}CVRdata/{" + G + "}cvrNumber", "{" + G + "}CVRdata/{" + G + "}companyName", "{" + M + "}CaseID");
        assertThat(child(header, "legalNotification").getTextContent()).isEqualTo("false");
    }

    @Test
    void theKombiRequestWrapsTheMessageAfterTheKombiValgKodeAndTheSandboxAcceptsIt() throws Exception {
        String xml = BUILDER.kombiRequest(hearingLetter(), MESSAGE_UUID, CREATED);
        Element request = parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();

        assertThat(request.getLocalName()).isEqualTo("kombi_request");
        assertThat(request.getNamespaceURI()).isNull();
        List<Element> parts = children(request);
        assertThat(parts).extracting(Element::getLocalName).containsExactly("KombiValgKode", "Message");
        assertThat(parts.get(0).getTextContent()).isEqualTo("Digital Post");
        assertThat(parts.get(1).getNamespaceURI()).isEqualTo(M);
        MemoValidator.Accepted accepted = MemoValidator.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.caseId()).isEqualTo("2026-0000042");
        assertThat(accepted.contentBytes()).isEqualTo(PDF.length);
    }

    @Test
    void aMissingValueIsRefusedWithoutNamingAnyValue() {
        DigitalPostPort.Letter noLabel = DigitalPostPort.Letter.toCitizen(CPR, "Mette Jensen", null, true, "2026-1", PDF, "a.pdf");

        assertThatThrownBy(() -> BUILDER.message(noLabel, MESSAGE_UUID, CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(CPR);
    }

    /**
     * The elements under {@code element} in document order, as paths of {namespace}localName; {@code skipped} names
     * subtrees to leave out by their path of local names (e.g. "MessageHeader/ContentData").
     */
    static List<String> structure(Element element, String prefix, Set<String> skipped) {
        return structure(element, prefix, "", skipped);
    }

    private static List<String> structure(Element element, String prefix, String plainPrefix, Set<String> skipped) {
        List<String> paths = new ArrayList<>();
        for (Element child : children(element)) {
            String plain = plainPrefix + child.getLocalName();
            if (skipped.contains(plain)) {
                continue;
            }
            String path = prefix + "{" + child.getNamespaceURI() + "}" + child.getLocalName();
            paths.add(path);
            paths.addAll(structure(child, path + "/", plain + "/", skipped));
        }
        return paths;
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    static Element child(Element parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).findFirst()
                .orElseThrow(() -> new AssertionError(parent.getLocalName() + " has no " + localName));
    }

    static String text(Element parent, String child, String grandChild) {
        return child(child(parent, child), grandChild).getTextContent();
    }

    static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(in);
    }
}
