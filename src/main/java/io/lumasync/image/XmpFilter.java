package io.lumasync.image;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Removes the private parts of an XMP packet for the web-safe policy: the GPS position (exif:GPS*), camera and lens
 * serial numbers, maker notes, owner name and unique image id. Everything else (dc:title, dc:description,
 * dc:subject, dc:rights, dc:creator, photoshop:Credit, and a city or place the photographer typed in) stays.
 * Why this works on the JDK's DOM rather than Adobe XMPCore is measured in {@link XmpPacket}.
 */
final class XmpFilter {
    private XmpFilter() {
    }

    /** The filtered packet, or empty when it cannot be parsed (then the caller drops XMP entirely). */
    static Optional<byte[]> webSafe(byte[] xmp) {
        try {
            Document doc = XmpPacket.parse(xmp);
            prune(doc.getDocumentElement());
            return Optional.of(XmpPacket.write(doc));
        } catch (IOException | RuntimeException e) {
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
}
