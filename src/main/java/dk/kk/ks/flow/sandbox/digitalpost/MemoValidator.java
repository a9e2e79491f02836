package dk.kk.ks.flow.sandbox.digitalpost;

import static dk.kk.ks.flow.integration.digitalpost.MemoMessageBuilder.GRD_NS;
import static dk.kk.ks.flow.integration.digitalpost.MemoMessageBuilder.KLE_NS;
import static dk.kk.ks.flow.integration.digitalpost.MemoMessageBuilder.MEMO_NS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import dk.kk.ks.flow.integration.digitalpost.MemoMessageBuilder;

/**
 * The sandbox's check of an SF1601 KombiPostAfsend request with a MeMo message: element names, namespaces
 * and order of the elements KS Flow uses (the official MeMo examples), required elements, known code values
 * and base64 content. A problem's text names elements only, never their values (a CPR number is a value).
 */
public final class MemoValidator {

    /** A valid request, reduced to what the sandbox keeps. */
    public record Accepted(String messageUuid, String label, String recipientIdType, boolean legalNotification, String caseId,
                    String filename, int contentBytes) {
    }

    public static final class InvalidMemoException extends Exception {
        InvalidMemoException(String message) {
            super(message);
        }
    }

    private record Slot(String namespace, String name, boolean required, boolean repeatable) {
    }

    private static Slot required(String name) {
        return new Slot(MEMO_NS, name, true, false);
    }

    private static Slot optional(String namespace, String name) {
        return new Slot(namespace, name, false, false);
    }

    private static Slot optional(String name) {
        return optional(MEMO_NS, name);
    }

    private static final List<Slot> HEADER = List.of(required("messageType"), required("messageUUID"), optional("messageID"),
            optional("messageCode"), required("label"), optional("notification"), optional("additionalNotification"),
            optional("reply"), optional("replyByDateTime"), optional("doNotDeliverUntilDate"), required("mandatory"),
            required("legalNotification"), optional("postType"), required("Sender"), required("Recipient"), optional("ContentData"));
    private static final List<Slot> SENDER = List.of(required("senderID"), required("idType"), required("label"));
    private static final List<Slot> RECIPIENT = List.of(required("recipientID"), required("idType"), optional("label"));
    private static final List<Slot> CONTENT_DATA = List.of(optional(GRD_NS, "CPRdata"), optional(GRD_NS, "CVRdata"),
            optional("CaseID"), optional(KLE_NS, "KLEdata"));
    private static final List<Slot> CPR_DATA = List.of(new Slot(GRD_NS, "cprNumber", true, false), optional(GRD_NS, "name"));
    private static final List<Slot> CVR_DATA = List.of(new Slot(GRD_NS, "cvrNumber", true, false), optional(GRD_NS, "companyName"));
    private static final List<Slot> CASE_ID = List.of(required("caseID"), required("caseSystem"));
    private static final List<Slot> KLE_DATA = List.of(new Slot(KLE_NS, "subjectKey", true, false), optional(KLE_NS, "version"),
            optional(KLE_NS, "activityFacet"), optional(KLE_NS, "label"));
    private static final List<Slot> BODY = List.of(required("createdDateTime"), required("MainDocument"),
            new Slot(MEMO_NS, "AdditionalDocument", false, true));
    private static final List<Slot> MAIN_DOCUMENT = List.of(optional("mainDocumentID"), optional("label"),
            new Slot(MEMO_NS, "File", true, true));
    private static final List<Slot> FILE = List.of(required("encodingFormat"), required("filename"), required("language"),
            required("content"));

    private MemoValidator() {
    }

    public static Accepted validate(byte[] body) throws InvalidMemoException {
        Element request = parse(body).getDocumentElement();
        if (request.getNamespaceURI() != null || !"kombi_request".equals(request.getLocalName())) {
            throw new InvalidMemoException("The root element must be kombi_request (no namespace)");
        }
        List<Element> parts = children(request);
        if (parts.size() != 2 || parts.get(0).getNamespaceURI() != null || !"KombiValgKode".equals(parts.get(0).getLocalName())) {
            throw new InvalidMemoException("kombi_request must hold KombiValgKode, then memo:Message");
        }
        if (!MemoMessageBuilder.KOMBI_DIGITAL_POST.equals(parts.get(0).getTextContent().trim())) {
            throw new InvalidMemoException("KombiValgKode must be 'Digital Post'");
        }
        Element message = parts.get(1);
        if (!MEMO_NS.equals(message.getNamespaceURI()) || !"Message".equals(message.getLocalName())) {
            throw new InvalidMemoException("The message must be Message in namespace " + MEMO_NS);
        }
        if (message.getAttribute("memoVersion").isEmpty()) {
            throw new InvalidMemoException("Message needs the attribute memoVersion");
        }
        List<Element> top = sequence(message, List.of(required("MessageHeader"), required("MessageBody")));
        Element header = top.get(0);
        List<Element> headerElements = sequence(header, HEADER);
        require("messageType", value(header, "messageType"), Set.of("DIGITALPOST"));
        String uuid = value(header, "messageUUID");
        if (!uuid.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new InvalidMemoException("messageUUID is not a UUID");
        }
        require("mandatory", value(header, "mandatory"), Set.of("true", "false"));
        require("legalNotification", value(header, "legalNotification"), Set.of("true", "false"));
        Element sender = find(headerElements, "Sender");
        sequence(sender, SENDER);
        require("Sender/idType", value(sender, "idType"), Set.of("CVR", "MyndighedsID"));
        Element recipient = find(headerElements, "Recipient");
        sequence(recipient, RECIPIENT);
        String idType = value(recipient, "idType");
        require("Recipient/idType", idType, Set.of("CPR", "CVR"));
        String recipientId = value(recipient, "recipientID");
        if (!recipientId.matches("CPR".equals(idType) ? "\\d{10}" : "\\d{8}")) {
            throw new InvalidMemoException("Recipient/recipientID is not a " + idType + " number");
        }
        String caseId = null;
        Element contentData = find(headerElements, "ContentData");
        if (contentData != null) {
            List<Element> data = sequence(contentData, CONTENT_DATA);
            for (Element element : data) {
                switch (element.getLocalName()) {
                    case "CPRdata" -> sequence(element, CPR_DATA);
                    case "CVRdata" -> sequence(element, CVR_DATA);
                    case "CaseID" -> {
                        sequence(element, CASE_ID);
                        caseId = value(element, "caseID");
                    }
                    default -> sequence(element, KLE_DATA);
                }
            }
        }
        Element messageBody = top.get(1);
        List<Element> bodyElements = sequence(messageBody, BODY);
        List<Element> files = sequence(bodyElements.get(1), MAIN_DOCUMENT).stream().filter(e -> "File".equals(e.getLocalName())).toList();
        int contentBytes = 0;
        for (Element file : files) {
            sequence(file, FILE);
            try {
                contentBytes += Base64.getDecoder().decode(value(file, "content").replaceAll("\\s", "")).length;
            } catch (IllegalArgumentException notBase64) {
                throw new InvalidMemoException("File/content is not base64");
            }
        }
        return new Accepted(uuid, value(header, "label"), idType, Boolean.parseBoolean(value(header, "legalNotification")), caseId,
                value(files.get(0), "filename"), contentBytes);
    }

    private static Document parse(byte[] body) throws InvalidMemoException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw new InvalidMemoException("The request is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The children of {@code parent}, checked against the slots: known names and namespaces, in order, required ones present. */
    private static List<Element> sequence(Element parent, List<Slot> slots) throws InvalidMemoException {
        List<Element> elements = children(parent);
        int slot = 0;
        boolean slotUsed = false;
        for (Element element : elements) {
            while (slot < slots.size() && !matches(element, slots.get(slot))) {
                if (slots.get(slot).required() && !slotUsed) {
                    throw new InvalidMemoException(parent.getLocalName() + " misses " + slots.get(slot).name()
                            + " before " + element.getLocalName() + " (or its elements are out of order)");
                }
                slot++;
                slotUsed = false;
            }
            if (slot == slots.size()) {
                throw new InvalidMemoException(parent.getLocalName() + " has an unexpected, misplaced or wrongly namespaced element "
                        + element.getLocalName());
            }
            if (slotUsed && !slots.get(slot).repeatable()) {
                throw new InvalidMemoException(parent.getLocalName() + " has " + element.getLocalName() + " twice");
            }
            slotUsed = true;
        }
        for (int rest = slotUsed ? slot + 1 : slot; rest < slots.size(); rest++) {
            if (slots.get(rest).required()) {
                throw new InvalidMemoException(parent.getLocalName() + " misses " + slots.get(rest).name());
            }
        }
        return elements;
    }

    private static boolean matches(Element element, Slot slot) {
        return Objects.equals(slot.namespace(), element.getNamespaceURI()) && slot.name().equals(element.getLocalName());
    }

    private static List<Element> children(Element parent) throws InvalidMemoException {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            } else if (node.getNodeType() == Node.TEXT_NODE && !node.getTextContent().isBlank() && hasElementChildren(parent)) {
                throw new InvalidMemoException(parent.getLocalName() + " mixes text and elements");
            }
        }
        return elements;
    }

    private static boolean hasElementChildren(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static Element find(List<Element> elements, String name) {
        return elements.stream().filter(e -> name.equals(e.getLocalName())).findFirst().orElse(null);
    }

    /** The text of the first child element with this local name (the structure is checked before). */
    private static String value(Element parent, String name) throws InvalidMemoException {
        for (Element child : children(parent)) {
            if (name.equals(child.getLocalName())) {
                String text = child.getTextContent().trim();
                if (text.isEmpty()) {
                    throw new InvalidMemoException(parent.getLocalName() + "/" + name + " is empty");
                }
                return text;
            }
        }
        throw new InvalidMemoException(parent.getLocalName() + " misses " + name);
    }

    private static void require(String name, String value, Set<String> allowed) throws InvalidMemoException {
        if (!allowed.contains(value)) {
            throw new InvalidMemoException(name + " must be one of " + allowed);
        }
    }
}
