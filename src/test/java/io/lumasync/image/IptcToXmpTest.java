package io.lumasync.image;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.lumasync.image.IptcToXmp.DC;
import static io.lumasync.image.IptcToXmp.PHOTOSHOP;
import static org.assertj.core.api.Assertions.assertThat;

/** The IIM → XMP merge, checked by parsing its output back with the JDK's XML parser. */
class IptcToXmpTest {
    private static final String RDF = XmpPacket.RDF;
    private static final String NASTY = "Fish & chips <b>\"quoted\"</b> 'x' ]]> é 日本";
    private static final Map<Integer, List<String>> IIM = Map.of(
            IptcIim.OBJECT_NAME, List.of("Harbour"),
            IptcIim.CAPTION, List.of(NASTY),
            IptcIim.KEYWORDS, List.of("harbour", "Zürich", "harbour"),
            IptcIim.BYLINE, List.of("Ada Müller", "Ben"),
            IptcIim.COPYRIGHT, List.of("© 2026 Ada"),
            IptcIim.CREDIT, List.of("Ada Photo"),
            IptcIim.CITY, List.of("Kyōto"));

    static Document parseBack(byte[] xmp) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xmp));
    }

    /** The rdf:li texts of a property, or its own text for a simple one. */
    static List<String> values(Document doc, String ns, String name) {
        NodeList props = doc.getElementsByTagNameNS(ns, name);
        assertThat(props.getLength()).as("%s written once", name).isLessThanOrEqualTo(1);
        List<String> out = new ArrayList<>();
        if (props.getLength() == 0) {
            return out;
        }
        NodeList lis = ((Element) props.item(0)).getElementsByTagNameNS(RDF, "li");
        if (lis.getLength() == 0) {
            out.add(props.item(0).getTextContent());
        }
        for (int i = 0; i < lis.getLength(); i++) {
            out.add(lis.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void aFreshPacketIsWellFormedRdfInAnXpacketWrapper() throws Exception {
        byte[] xmp = IptcToXmp.merge(Optional.empty(), IIM, true).orElseThrow();
        String text = new String(xmp, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>")
                .endsWith("<?xpacket end=\"w\"?>");
        Document doc = parseBack(xmp);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("adobe:ns:meta/");
        assertThat(values(doc, DC, "description")).containsExactly(NASTY);
        assertThat(values(doc, DC, "title")).containsExactly("Harbour");
        assertThat(values(doc, DC, "subject")).containsExactly("harbour", "Zürich");
        assertThat(values(doc, DC, "creator")).containsExactly("Ada Müller", "Ben");
        assertThat(values(doc, DC, "rights")).containsExactly("© 2026 Ada");
        assertThat(values(doc, PHOTOSHOP, "Credit")).containsExactly("Ada Photo");
        Element subject = (Element) doc.getElementsByTagNameNS(DC, "subject").item(0);
        assertThat(subject.getElementsByTagNameNS(RDF, "Bag").getLength()).isEqualTo(1);
        Element creator = (Element) doc.getElementsByTagNameNS(DC, "creator").item(0);
        assertThat(creator.getElementsByTagNameNS(RDF, "Seq").getLength()).isEqualTo(1);
        Element li = (Element) ((Element) doc.getElementsByTagNameNS(DC, "title").item(0))
                .getElementsByTagNameNS(RDF, "li").item(0);
        assertThat(li.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("x-default");
        Element description = (Element) doc.getElementsByTagNameNS(RDF, "Description").item(0);
        assertThat(description.getParentNode().getLocalName()).isEqualTo("RDF");
        assertThat(description.hasAttributeNS(RDF, "about")).isTrue();
    }

    @Test
    void webSafeLeavesPlaceNamesOutAndKeepAllCarriesThem() throws Exception {
        Document safe = parseBack(IptcToXmp.merge(Optional.empty(), IIM, true).orElseThrow());
        assertThat(values(safe, PHOTOSHOP, "City")).isEmpty();
        Document all = parseBack(IptcToXmp.merge(Optional.empty(), IIM, false).orElseThrow());
        assertThat(values(all, PHOTOSHOP, "City")).containsExactly("Kyōto");
    }

    @Test
    void existingXmpWinsAndNothingIsWrittenTwice() throws Exception {
        String existing = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="%s">
                 <rdf:Description rdf:about="" xmlns:dc="%s" xmlns:ps="%s" ps:Credit="XMP credit">
                  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">XMP caption</rdf:li></rdf:Alt></dc:description>
                  <dc:subject><rdf:Bag><rdf:li>xmp-kw</rdf:li></rdf:Bag></dc:subject>
                 </rdf:Description>
                </rdf:RDF></x:xmpmeta>
                <?xpacket end="w"?>""".formatted(RDF, DC, PHOTOSHOP);
        byte[] merged = IptcToXmp.merge(Optional.of(existing.getBytes(StandardCharsets.UTF_8)), IIM, true)
                .orElseThrow();
        Document doc = parseBack(merged);
        assertThat(values(doc, DC, "description")).containsExactly("XMP caption");
        assertThat(values(doc, DC, "subject")).containsExactly("xmp-kw");
        assertThat(doc.getElementsByTagNameNS(PHOTOSHOP, "Credit").getLength()).isZero();   // an attribute wins too
        assertThat(values(doc, DC, "title")).containsExactly("Harbour");                    // a gap is filled
        assertThat(new String(merged, StandardCharsets.UTF_8)).containsOnlyOnce("<?xpacket begin");
        int pis = 0;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
            pis += n.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE ? 1 : 0;
        }
        assertThat(pis).isEqualTo(2);
    }

    @Test
    void anEmptyXmpPropertyIsAGapThatIimFills() throws Exception {
        String existing = ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"%s\"><rdf:Description "
                + "rdf:about=\"\" xmlns:dc=\"%s\" xmlns:photoshop=\"%s\" photoshop:Credit=\" \"><dc:title><rdf:Alt>"
                + "<rdf:li xml:lang=\"x-default\"></rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF>"
                + "</x:xmpmeta>").formatted(RDF, DC, PHOTOSHOP);
        Document doc = parseBack(IptcToXmp.merge(Optional.of(existing.getBytes(StandardCharsets.UTF_8)), IIM, true)
                .orElseThrow());
        assertThat(values(doc, DC, "title")).containsExactly("Harbour");
        assertThat(values(doc, PHOTOSHOP, "Credit")).containsExactly("Ada Photo");
        Element first = (Element) doc.getElementsByTagNameNS(RDF, "Description").item(0);
        assertThat(first.hasAttributeNS(PHOTOSHOP, "Credit")).isFalse();
    }

    @Test
    void nothingToAddOrAnUnreadablePacketLeavesTheXmpAlone() {
        byte[] full = IptcToXmp.merge(Optional.empty(), IIM, false).orElseThrow();
        assertThat(IptcToXmp.merge(Optional.of(full), IIM, false)).isEmpty();
        assertThat(IptcToXmp.merge(Optional.of("<not xml".getBytes(StandardCharsets.UTF_8)), IIM, true)).isEmpty();
        assertThat(IptcToXmp.merge(Optional.empty(), Map.of(), true)).isEmpty();
    }
}
