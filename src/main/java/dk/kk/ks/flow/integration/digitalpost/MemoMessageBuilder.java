package dk.kk.ks.flow.integration.digitalpost;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds a MeMo 1.1 message (Digitaliseringsstyrelsen's MeMo, namespace https://DigitalPost.dk/MeMo-1) with the
 * element names, namespaces and order of the official examples (src/test/resources/memo/), and wraps it in an
 * SF1601 KombiPostAfsend request. Pure code: no I/O, no logging.
 */
public class MemoMessageBuilder {

    public static final String MEMO_NS = "https://DigitalPost.dk/MeMo-1";
    public static final String GRD_NS = "https://data.gov.dk/model/core/";
    public static final String KLE_NS = "http://kle-online.dk/";
    public static final String MEMO_VERSION = "1.1";
    public static final String MEMO_SCHEMA_VERSION = "1.1.0";
    public static final String KOMBI_DIGITAL_POST = "Digital Post";
    public static final String CASE_SYSTEM = "eDoc";

    /** The sending authority: its id (a CVR number or a MyndighedsID), the id's type and its name. */
    public record Sender(String senderId, String idType, String label) {
    }

    /** The KLE classification of the messages: subject key, KLE version, activity facet (handlingsfacet) and label. */
    public record Kle(String subjectKey, String version, String activityFacet, String label) {
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final Sender sender;
    private final Kle kle;

    public MemoMessageBuilder(Sender sender, Kle kle) {
        this.sender = sender;
        this.kle = kle;
    }

    /** The MeMo message of a letter, as a DOM document whose root is memo:Message. */
    public Document message(DigitalPostPort.Letter letter, UUID messageUuid, OffsetDateTime created) {
        Document document = newDocument();
        document.appendChild(messageElement(document, letter, messageUuid, created));
        return document;
    }

    /** The SF1601 KombiPostAfsend request: {@code <kombi_request><KombiValgKode>Digital Post</KombiValgKode><memo:Message/></kombi_request>}. */
    public String kombiRequest(DigitalPostPort.Letter letter, UUID messageUuid, OffsetDateTime created) {
        Document document = newDocument();
        Element request = document.createElementNS(null, "kombi_request");
        document.appendChild(request);
        text(request, null, "KombiValgKode", KOMBI_DIGITAL_POST);
        request.appendChild(messageElement(document, letter, messageUuid, created));
        return serialize(document);
    }

    private Element messageElement(Document document, DigitalPostPort.Letter letter, UUID messageUuid, OffsetDateTime created) {
        Element message = document.createElementNS(MEMO_NS, "memo:Message");
        message.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:memo", MEMO_NS);
        message.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:grd", GRD_NS);
        message.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:kle", KLE_NS);
        message.setAttribute("memoVersion", MEMO_VERSION);
        message.setAttribute("memoSchVersion", MEMO_SCHEMA_VERSION);

        Element header = memo(message, "MessageHeader");
        memoText(header, "messageType", "DIGITALPOST");
        memoText(header, "messageUUID", messageUuid.toString());
        memoText(header, "label", letter.label());
        memoText(header, "mandatory", "false");
        memoText(header, "legalNotification", String.valueOf(letter.legalNotification()));
        Element senderElement = memo(header, "Sender");
        memoText(senderElement, "senderID", sender.senderId());
        memoText(senderElement, "idType", sender.idType());
        memoText(senderElement, "label", sender.label());
        Element recipient = memo(header, "Recipient");
        memoText(recipient, "recipientID", letter.recipientId());
        memoText(recipient, "idType", letter.recipientIdType().name());
        if (letter.recipientName() != null) {
            memoText(recipient, "label", letter.recipientName());
        }
        Element contentData = memo(header, "ContentData");
        if (letter.recipientIdType() == DigitalPostPort.IdType.CPR) {
            Element cprData = element(contentData, GRD_NS, "grd:CPRdata");
            text(cprData, GRD_NS, "grd:cprNumber", letter.recipientId());
            if (letter.recipientName() != null) {
                text(cprData, GRD_NS, "grd:name", letter.recipientName());
            }
        } else {
            Element cvrData = element(contentData, GRD_NS, "grd:CVRdata");
            text(cvrData, GRD_NS, "grd:cvrNumber", letter.recipientId());
            if (letter.recipientName() != null) {
                text(cvrData, GRD_NS, "grd:companyName", letter.recipientName());
            }
        }
        if (letter.caseNumber() != null) {
            Element caseId = memo(contentData, "CaseID");
            memoText(caseId, "caseID", letter.caseNumber());
            memoText(caseId, "caseSystem", CASE_SYSTEM);
        }
        Element kleData = element(contentData, KLE_NS, "kle:KLEdata");
        text(kleData, KLE_NS, "kle:subjectKey", kle.subjectKey());
        text(kleData, KLE_NS, "kle:version", kle.version());
        text(kleData, KLE_NS, "kle:activityFacet", kle.activityFacet());
        text(kleData, KLE_NS, "kle:label", kle.label());

        Element body = memo(message, "MessageBody");
        memoText(body, "createdDateTime", DATE_TIME.format(created.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
        Element file = memo(memo(body, "MainDocument"), "File");
        memoText(file, "encodingFormat", "application/pdf");
        memoText(file, "filename", letter.filename());
        memoText(file, "language", "da");
        memoText(file, "content", Base64.getEncoder().encodeToString(letter.pdf()));
        return message;
    }

    private static Element memo(Element parent, String name) {
        return element(parent, MEMO_NS, "memo:" + name);
    }

    private static void memoText(Element parent, String name, String value) {
        text(parent, MEMO_NS, "memo:" + name, value);
    }

    private static Element element(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static void text(Element parent, String namespace, String qualifiedName, String value) {
        if (value == null) {
            throw new IllegalArgumentException("A MeMo message needs " + qualifiedName);
        }
        element(parent, namespace, qualifiedName).setTextContent(value);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The XML text of a node, UTF-8, with an XML declaration. */
    public static String serialize(Node node) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not write the MeMo message", e);
        }
    }
}
