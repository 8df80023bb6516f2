package io.lumasync.image;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The descriptive text a photographer or an export wrote into an image: IPTC caption, headline, object name and
 * keywords (JPEG APP13) and XMP dc:description, photoshop:Headline, dc:title and dc:subject (the XMP packet of any
 * format, found by its {@code <x:xmpmeta>} wrapper as XMP part 3 allows readers to). XMP wins where both are set,
 * as the Metadata Working Group advises for files edited after IPTC was written.
 *
 * <p>Reads only the first {@link #HEAD_BYTES} of the file, where both live in every writer seen; a damaged or
 * hostile block yields what could be read, never an exception.
 *
 * @param caption  what the image shows, in the author's words
 * @param headline a short synopsis
 * @param title    a short name of the picture
 * @param keywords subject keywords in file order, without repeats
 */
public record EmbeddedText(String caption, String headline, String title, List<String> keywords) {
    static final int HEAD_BYTES = 1 << 20;
    private static final byte[] PHOTOSHOP = "Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII);
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String PHOTOSHOP_NS = "http://ns.adobe.com/photoshop/1.0/";
    private static final byte[] XMP_OPEN = "<x:xmpmeta".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XMP_CLOSE = "</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII);

    public static final EmbeddedText NONE = new EmbeddedText("", "", "", List.of());

    public EmbeddedText {
        caption = caption == null ? "" : caption;
        headline = headline == null ? "" : headline;
        title = title == null ? "" : title;
        keywords = List.copyOf(keywords);
    }

    public boolean isEmpty() {
        return caption.isEmpty() && headline.isEmpty() && title.isEmpty() && keywords.isEmpty();
    }

    /** The embedded text of a file; {@link #NONE} when it has none or cannot be read. */
    public static EmbeddedText read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            return NONE;
        }
    }

    /** The embedded text of a file's first bytes. */
    public static EmbeddedText of(byte[] head) {
        try {
            Map<Integer, List<String>> iim = iptc(head);
            EmbeddedText fromIptc = new EmbeddedText(first(iim.get(IptcIim.CAPTION)), first(iim.get(IptcIim.HEADLINE)),
                    first(iim.get(IptcIim.OBJECT_NAME)), iim.getOrDefault(IptcIim.KEYWORDS, List.of()));
            EmbeddedText fromXmp = xmp(head);
            Set<String> keywords = new LinkedHashSet<>(fromXmp.keywords);
            keywords.addAll(fromIptc.keywords);
            return new EmbeddedText(pick(fromXmp.caption, fromIptc.caption), pick(fromXmp.headline, fromIptc.headline),
                    pick(fromXmp.title, fromIptc.title), List.copyOf(keywords));
        } catch (RuntimeException e) {
            return NONE;   // captions never fail a photo
        }
    }

    private static String pick(String preferred, String other) {
        return preferred.isEmpty() ? other : preferred;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    /** The IIM datasets of a JPEG's APP13 "Photoshop 3.0" segment. */
    private static Map<Integer, List<String>> iptc(byte[] b) {
        return JpegSegments.payload(b, 0xED, PHOTOSHOP).map(IptcIim::read).orElse(Map.of());
    }

    private static EmbeddedText xmp(byte[] b) {
        int start = indexOf(b, XMP_OPEN, 0);
        if (start < 0) {
            return NONE;
        }
        int end = indexOf(b, XMP_CLOSE, start);
        if (end < 0) {
            return NONE;
        }
        try {
            Document doc = XmpPacket.parse(Arrays.copyOfRange(b, start, end + XMP_CLOSE.length));
            return new EmbeddedText(altValue(doc, DC, "description"), altValue(doc, PHOTOSHOP_NS, "Headline"),
                    altValue(doc, DC, "title"), listValues(doc, DC, "subject"));
        } catch (IOException e) {
            return NONE;
        }
    }

    /**
     * A property's text: an attribute of an rdf:Description, a simple element, or the first (x-default first)
     * rdf:li of a language alternative.
     */
    private static String altValue(Document doc, String ns, String name) {
        NodeList descriptions = doc.getElementsByTagNameNS(XmpPacket.RDF, "Description");
        for (int i = 0; i < descriptions.getLength(); i++) {
            String attr = ((Element) descriptions.item(i)).getAttributeNS(ns, name);
            if (!attr.isBlank()) {
                return IptcIim.clean(attr);
            }
        }
        NodeList props = doc.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < props.getLength(); i++) {
            List<Element> items = items(props.item(i));
            if (items.isEmpty()) {
                String text = IptcIim.clean(props.item(i).getTextContent());
                if (!text.isEmpty()) {
                    return text;
                }
                continue;
            }
            Element chosen = items.stream().filter(li -> "x-default".equals(
                    li.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))).findFirst()
                    .orElse(items.getFirst());
            String text = IptcIim.clean(chosen.getTextContent());
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    private static List<String> listValues(Document doc, String ns, String name) {
        List<String> out = new ArrayList<>();
        NodeList props = doc.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < props.getLength(); i++) {
            for (Element li : items(props.item(i))) {
                String text = IptcIim.clean(li.getTextContent());
                if (!text.isEmpty() && !out.contains(text)) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static List<Element> items(Node prop) {
        List<Element> out = new ArrayList<>();
        if (prop instanceof Element e) {
            NodeList lis = e.getElementsByTagNameNS(XmpPacket.RDF, "li");
            for (int i = 0; i < lis.getLength(); i++) {
                out.add((Element) lis.item(i));
            }
        }
        return out;
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= b.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
