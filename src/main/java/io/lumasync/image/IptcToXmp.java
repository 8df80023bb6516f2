package io.lumasync.image;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries IPTC-IIM values into XMP, so that captions, keywords and credits typed only into a photo's "IPTC" section
 * survive in WebP and AVIF, which have no place for an IIM block. The field mapping is the IPTC Photo Metadata
 * Standard's (IIM dataset → XMP property). Following the Metadata Working Group guidance, a property the XMP already
 * has wins and is left alone: IIM only fills the gaps (an empty XMP property counts as a gap), and nothing is
 * written twice.
 */
final class IptcToXmp {
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    static final String IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";

    /** How the XMP property holds its value(s): plain text, a language alternative, an unordered or ordered list. */
    enum Form { TEXT, ALT, BAG, SEQ }

    /**
     * @param editorial part of what the web-safe policy publishes (title, caption, keywords, credits); the others
     *                  (place names, instructions, job ids) are carried only under keep-all
     */
    record Mapping(int dataset, String ns, String prefix, String name, Form form, boolean editorial) {
    }

    static final List<Mapping> MAPPINGS = List.of(
            new Mapping(IptcIim.OBJECT_NAME, DC, "dc", "title", Form.ALT, true),
            new Mapping(IptcIim.CAPTION, DC, "dc", "description", Form.ALT, true),
            new Mapping(IptcIim.KEYWORDS, DC, "dc", "subject", Form.BAG, true),
            new Mapping(IptcIim.BYLINE, DC, "dc", "creator", Form.SEQ, true),
            new Mapping(IptcIim.COPYRIGHT, DC, "dc", "rights", Form.ALT, true),
            new Mapping(IptcIim.CREDIT, PHOTOSHOP, "photoshop", "Credit", Form.TEXT, true),
            new Mapping(IptcIim.SOURCE, PHOTOSHOP, "photoshop", "Source", Form.TEXT, true),
            new Mapping(IptcIim.HEADLINE, PHOTOSHOP, "photoshop", "Headline", Form.TEXT, true),
            new Mapping(IptcIim.BYLINE_TITLE, PHOTOSHOP, "photoshop", "AuthorsPosition", Form.TEXT, false),
            new Mapping(IptcIim.WRITER, PHOTOSHOP, "photoshop", "CaptionWriter", Form.TEXT, false),
            new Mapping(IptcIim.INSTRUCTIONS, PHOTOSHOP, "photoshop", "Instructions", Form.TEXT, false),
            new Mapping(IptcIim.TRANSMISSION_REFERENCE, PHOTOSHOP, "photoshop", "TransmissionReference",
                    Form.TEXT, false),
            new Mapping(IptcIim.CITY, PHOTOSHOP, "photoshop", "City", Form.TEXT, false),
            new Mapping(IptcIim.PROVINCE_STATE, PHOTOSHOP, "photoshop", "State", Form.TEXT, false),
            new Mapping(IptcIim.COUNTRY, PHOTOSHOP, "photoshop", "Country", Form.TEXT, false),
            new Mapping(IptcIim.SUBLOCATION, IPTC_CORE, "Iptc4xmpCore", "Location", Form.TEXT, false),
            new Mapping(IptcIim.COUNTRY_CODE, IPTC_CORE, "Iptc4xmpCore", "CountryCode", Form.TEXT, false));

    private IptcToXmp() {
    }

    /**
     * The XMP packet with the IIM values it lacked, or empty when nothing had to be added (keep {@code xmp} as it
     * is) or the existing packet cannot be read (it is not replaced by a packet that would lose its content).
     *
     * @param xmp       the image's XMP packet, if it has one (already filtered for the policy)
     * @param iim       datasets from {@link IptcIim#read}
     * @param editorial only the fields the web-safe policy publishes
     */
    static Optional<byte[]> merge(Optional<byte[]> xmp, Map<Integer, List<String>> iim, boolean editorial) {
        if (iim.isEmpty()) {
            return Optional.empty();
        }
        try {
            Document doc = xmp.isPresent() ? XmpPacket.parse(xmp.get()) : XmpPacket.empty();
            NodeList rdfs = doc.getElementsByTagNameNS(XmpPacket.RDF, "RDF");
            if (rdfs.getLength() == 0) {
                return Optional.empty();
            }
            Element added = doc.createElementNS(XmpPacket.RDF, "rdf:Description");
            added.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:rdf", XmpPacket.RDF);
            added.setAttributeNS(XmpPacket.RDF, "rdf:about", "");
            Set<String> prefixes = new LinkedHashSet<>();
            for (Mapping m : MAPPINGS) {
                List<String> values = iim.getOrDefault(m.dataset(), List.of());
                if (values.isEmpty() || (editorial && !m.editorial()) || has(doc, m)) {
                    continue;
                }
                added.appendChild(property(doc, m, values));
                if (prefixes.add(m.prefix())) {
                    added.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + m.prefix(), m.ns());
                }
            }
            if (prefixes.isEmpty()) {
                return Optional.empty();
            }
            // A separate rdf:Description (valid RDF, same subject) declares its own prefixes, so it cannot clash
            // with however the existing packet named its namespaces.
            rdfs.item(0).appendChild(added);
            return Optional.of(XmpPacket.write(doc));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The property is set in the packet already, as an element or as an attribute of an rdf:Description. An empty
     * one (some tools write blank fields) does not count and is removed, so the IIM value can take its place.
     */
    private static boolean has(Document doc, Mapping m) {
        List<Node> blank = new ArrayList<>();
        NodeList descriptions = doc.getElementsByTagNameNS(XmpPacket.RDF, "Description");
        for (int i = 0; i < descriptions.getLength(); i++) {
            Element d = (Element) descriptions.item(i);
            Node attr = d.getAttributeNodeNS(m.ns(), m.name());
            List<Node> found = new ArrayList<>();
            if (attr != null) {
                found.add(attr);
            }
            for (Node c = d.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && m.ns().equals(e.getNamespaceURI()) && m.name().equals(e.getLocalName())) {
                    found.add(c);
                }
            }
            for (Node n : found) {
                if (!n.getTextContent().isBlank()) {
                    return true;
                }
                blank.add(n);
            }
        }
        for (Node n : blank) {
            if (n instanceof Attr a) {
                a.getOwnerElement().removeAttributeNode(a);
            } else {
                n.getParentNode().removeChild(n);
            }
        }
        return false;
    }

    private static Element property(Document doc, Mapping m, List<String> values) {
        Element p = doc.createElementNS(m.ns(), m.prefix() + ":" + m.name());
        if (m.form() == Form.TEXT) {
            p.setTextContent(values.getFirst());
            return p;
        }
        String container = switch (m.form()) {
            case ALT -> "rdf:Alt";
            case BAG -> "rdf:Bag";
            default -> "rdf:Seq";
        };
        Element array = doc.createElementNS(XmpPacket.RDF, container);
        // A language alternative holds one text (IIM has no languages): the "x-default" one.
        for (String v : m.form() == Form.ALT ? values.subList(0, 1) : values.stream().distinct().toList()) {
            Element li = doc.createElementNS(XmpPacket.RDF, "rdf:li");
            if (m.form() == Form.ALT) {
                li.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "x-default");
            }
            li.setTextContent(v);
            array.appendChild(li);
        }
        p.appendChild(array);
        return p;
    }
}
