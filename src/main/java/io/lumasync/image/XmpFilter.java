package io.lumasync.image;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Removes the private parts of an XMP packet for the web-safe policy: the GPS position (exif:GPS*), camera and lens
 * serial numbers, maker notes, owner name and unique image id. Everything else (dc:title, dc:description,
 * dc:subject, dc:rights, dc:creator, photoshop:Credit, and a city or place the photographer typed in) stays.
 */
final class XmpFilter {
    private XmpFilter() {
    }

    /** The filtered packet, or empty when it cannot be parsed (then the caller drops XMP entirely). */
    static Optional<byte[]> webSafe(byte[] xmp) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(trimNul(xmp)));
            prune(doc.getDocumentElement());
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return Optional.of(out.toByteArray());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static boolean isPrivate(String localName) {
        String n = localName.toLowerCase(Locale.ROOT);
        return n.startsWith("gps") || n.contains("serialnumber") || n.equals("makernote")
                || n.equals("cameraownername") || n.equals("imageuniqueid");
    }

    private static void prune(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        List<Attr> dropAttrs = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (a.getLocalName() != null && isPrivate(a.getLocalName())) {
                dropAttrs.add(a);
            }
        }
        dropAttrs.forEach(e::removeAttributeNode);
        NodeList children = e.getChildNodes();
        List<Node> dropNodes = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c) {
                if (c.getLocalName() != null && isPrivate(c.getLocalName())) {
                    dropNodes.add(c);
                } else {
                    prune(c);
                }
            }
        }
        dropNodes.forEach(e::removeChild);
    }

    private static byte[] trimNul(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return n == b.length ? b : new String(b, 0, n, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
