package io.lumasync.image;

import io.lumasync.core.ImageFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tells an image format from its first bytes, never from its name. */
public final class FormatSniffer {
    /** How many first bytes {@link #sniff} wants: enough for an ISO-BMFF 'ftyp' box and the box after it. */
    public static final int HEAD = 512;
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm",
            "hevs");
    /** Brands of the HEIF family that say "still image" without naming the codec; the compatible brands do. */
    private static final Set<String> GENERIC_BRANDS = Set.of("mif1", "msf1", "miaf");

    private FormatSniffer() {
    }

    public static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(b, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(ImageFormat.PNG);
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of(ImageFormat.GIF);
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of(ImageFormat.WEBP);
        }
        if (ascii(b, 4, "ftyp")) {
            return isoBmff(b);
        }
        if (ascii(b, 0, "II*\0") || ascii(b, 0, "MM\0*")) {
            return Optional.of(ImageFormat.TIFF); // also most RAW files (NEF, CR2, ARW, DNG…): decided by name later
        }
        if (ascii(b, 0, "IIRO") || ascii(b, 0, "IIU\0") || ascii(b, 0, "FUJIFILMCCD-RAW")) {
            return Optional.of(ImageFormat.RAW);
        }
        if (ascii(b, 0, "BM") && b.length > 14) {
            return Optional.of(ImageFormat.BMP);
        }
        if (ascii(b, 0, "8BPS")) {
            return Optional.of(ImageFormat.PSD);
        }
        return Optional.empty();
    }

    /**
     * AVIF, HEIC and Canon CR3 are ISO base media files. Only a well-formed first box is believed: a 32-bit size
     * that covers the major brand, minor version and whole compatible brands and ends inside what was read,
     * printable brands, a known major brand, and a plausible box header right after it. Anything else that merely
     * has "ftyp" at offset 4 (an SVG starting {@code <!--ftypavif -->}) is not an image.
     */
    private static Optional<ImageFormat> isoBmff(byte[] b) {
        long size = u32(b, 0);
        if (size < 16 || size % 4 != 0 || size + 8 > b.length) {
            return Optional.empty();
        }
        List<String> brands = new ArrayList<>();
        for (int o = 8; o < size; o += 4) {
            if (o == 12) {
                continue;   // the minor version, a number
            }
            String brand = new String(b, o, 4, StandardCharsets.ISO_8859_1);
            if (!brand.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                return Optional.empty();
            }
            brands.add(brand);
        }
        if (!boxHeader(b, (int) size)) {
            return Optional.empty();
        }
        String major = brands.getFirst();
        List<String> compatible = brands.subList(1, brands.size());
        if (AVIF_BRANDS.contains(major)) {
            return Optional.of(ImageFormat.AVIF);
        }
        if (HEIF_BRANDS.contains(major)) {
            return Optional.of(ImageFormat.HEIF);
        }
        if (GENERIC_BRANDS.contains(major)) {
            return Optional.of(compatible.stream().anyMatch(AVIF_BRANDS::contains) ? ImageFormat.AVIF
                    : ImageFormat.HEIF);
        }
        if (major.equals("crx ")) {
            return Optional.of(ImageFormat.RAW);
        }
        return Optional.empty();
    }

    /** A box header at {@code at}: a size of 0 (to the end), 1 (64-bit size follows) or at least 8, and a type. */
    private static boolean boxHeader(byte[] b, int at) {
        long size = u32(b, at);
        if (size > 1 && size < 8) {
            return false;
        }
        for (int i = at + 4; i < at + 8; i++) {
            int c = b[i] & 0xff;
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
    }

    private static boolean ascii(byte[] b, int offset, String s) {
        return startsWith(b, offset, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
